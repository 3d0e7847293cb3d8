# Briefing Bot on a server (README, "With Docker"):
#   docker build -t briefing-bot .
#   docker run -d --name briefing --env-file .env -v briefing-data:/data -p 8443:8443 briefing-bot
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DATABASE_URL=sqlite:////data/briefing.db

WORKDIR /app
# The dependencies first, from pyproject.toml alone, so that a change to the code does not reinstall them.
COPY pyproject.toml ./
RUN python -c "import tomllib; print(*tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies'], sep='\n')" \
        > /tmp/requirements.txt \
    && pip install -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt \
    && useradd --create-home --uid 10001 briefing \
    && mkdir -p /data && chown briefing:briefing /data

# Then the code, installed without its dependencies (they are all there).
COPY README.md ./
COPY bot ./bot
COPY storage ./storage
COPY extraction ./extraction
COPY knowledge ./knowledge
COPY seeds ./seeds
RUN pip install --no-deps -e .

USER briefing
VOLUME ["/data"]
# The store's default is data/briefing.db in the working directory, and from / that is /data/briefing.db:
# the store stays in the volume whether DATABASE_URL is unset (the ENV above), empty or the relative
# sqlite:///data/briefing.db of an old .env. Only an absolute path elsewhere moves it out, on purpose.
WORKDIR /
# The webhook server's port (WEBHOOK_PORT); long polling opens none.
EXPOSE 8443
# The store opens and answers (read only, a fraction of a second).
HEALTHCHECK --interval=60s --timeout=20s --start-period=120s --retries=3 CMD ["briefing", "check"]
CMD ["briefing", "run"]
