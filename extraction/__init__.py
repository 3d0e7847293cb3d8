"""Pure extraction: article text in, meetings with evidence out. No I/O, no database, no Telegram."""
