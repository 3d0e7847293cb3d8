"""The knowledge base that extraction, storage and the bot all read: people, offices, places, topics."""

from knowledge.loader import KNOWLEDGE_DIR, SHORT_LIMIT, KnowledgeError, default_knowledge, fingerprint, load
from knowledge.model import KnowledgeBase, Person, Place, Role, Summit, Tenure, Topic, derive_short

__all__ = [
    "KNOWLEDGE_DIR", "SHORT_LIMIT", "KnowledgeBase", "KnowledgeError", "Person", "Place", "Role", "Summit", "Tenure",
    "Topic", "default_knowledge", "derive_short", "fingerprint", "load",
]
