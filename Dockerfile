# Briefing Bot on a server: `docker build -t briefing-bot .` then
# `docker run -e TELEGRAM_BOT_TOKEN=... -e ADMIN_IDS=... -v briefing-data:/data briefing-bot`
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    DATABASE_URL=sqlite:////data/briefing.db

WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY storage ./storage
COPY extraction ./extraction
COPY seeds ./seeds
RUN pip install -e . \
    && useradd --create-home --uid 10001 briefing \
    && mkdir -p /data && chown briefing:briefing /data

USER briefing
VOLUME ["/data"]
CMD ["briefing", "run"]
