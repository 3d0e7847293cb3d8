"""The Telegram front end (python-telegram-bot): handlers, jobs and sending through the delivery ledger."""
