"""The command core: Telegram-free, shared by Telegram, the console chat and `briefing ask`."""
