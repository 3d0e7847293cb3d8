"""What every front end shares: adding articles, fetching pages, settings, logging, worker processes."""
