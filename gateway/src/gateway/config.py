"""Settings of the gateway (env prefix ``GATEWAY_``; ``IDIC_API_KEYS`` unprefixed)."""

from __future__ import annotations

from typing import Literal

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, PrivateAttr, model_validator
from pydantic_settings import SettingsConfigDict

from idic.contracts import TOPICS
from idic.settings import KafkaClientSettings

Scope = Literal["read", "write", "admin"]
# an actor name travels in a header and is shown to agents: letters, digits and . _ @ : - only
ACTOR_NAME_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._@:-]{0,63}$"


class NamedKey(BaseModel):
    """An API key with the name of who acts through it (an agent, a system): recorded on what it
    changes (interactions, outcomes) and shown on the timeline, instead of a digest of the key."""

    model_config = ConfigDict(extra="forbid")
    scopes: list[Scope]
    actor: str = Field(pattern=ACTOR_NAME_PATTERN)


DEV_KEY = "dev-key"
DEV_ACTOR = "developer"  # what notes and outcomes recorded with the development key are shown under


# the services' consumer groups and the topics each reads (their ConsumerSpecs; a contract test keeps this
# true): a view is cached again only once every group reading an event about the customer has applied it
DEFAULT_VIEW_READERS: dict[str, list[str]] = {
    "interaction-service": ["idic.identity", "idic.treatment"],
    "scoring-service": ["idic.interaction", "idic.identity"],
    "treatment-service": ["idic.scoring", "idic.interaction", "idic.identity"],
}


class Settings(KafkaClientSettings):
    """Gateway settings. The gateway has no database, so it does not inherit ``idic.ServiceSettings``; it
    reads Kafka (the same unprefixed ``KAFKA_*`` settings as the services) only to keep its view cache true.
    Like every setting of the suite, each may come from a file (``IDIC_API_KEYS_FILE``: a Docker secret)."""

    model_config = SettingsConfigDict(env_prefix="GATEWAY_", extra="ignore")

    service_name: str = "gateway"
    env: Literal["development", "test", "production"] = Field(
        default="production", description="development allows starting without IDIC_API_KEYS (dev key).")
    identity_url: str = "http://127.0.0.1:8001"
    interaction_url: str = "http://127.0.0.1:8002"
    scoring_url: str = "http://127.0.0.1:8003"
    treatment_url: str = "http://127.0.0.1:8004"
    connect_timeout_s: float = Field(default=2.0, gt=0, description="TCP connect timeout to a service.")
    timeout_s: float = Field(default=10.0, gt=0, description="Total time one upstream call may take.")
    part_timeout_s: float = Field(default=2.0, gt=0, description="Bound on each optional part of the 360 view.")
    job_wait_max_s: float = Field(default=60.0, ge=0, le=3600, description=(
        "Longest Prefer: wait=N the gateway honours on a job-starting operation (it polls the job meanwhile)."))
    readiness_timeout_s: float = Field(default=2.0, gt=0, description="Bound on each service's /readyz probe.")
    max_connections: int = Field(default=200, ge=1, description="Pooled connections per service.")
    max_keepalive_connections: int = Field(default=50, ge=0)
    http_transport: Literal["aiohttp", "httpx"] = Field(
        default="aiohttp", description="aiohttp: fast pooled transport under httpx's API; httpx: httpx's own pool.")
    max_body_bytes: int = Field(default=5 * 1024 * 1024, ge=1024)
    max_upstream_bytes: int = Field(default=32 * 1024 * 1024, ge=1024,
                                    description="Larger answers from a service are refused (502), never buffered.")
    rate_limit_rps: float = Field(default=200.0, ge=0, description="Calls per second per API key; 0 turns it off.")
    rate_limit_burst: int = Field(default=1000, ge=1, description="Calls a key may make at once before the rate.")
    auth_failures_per_minute: float = Field(
        default=60.0, ge=0, description="Failed authentications per client address per minute before 429; 0 off.")
    cors_origins: list[str] = Field(default_factory=list,
                                    description="Origins allowed to call from a browser (CORS); none by default.")
    min_key_length: int = Field(default=12, ge=1, description="Shortest API key accepted in production.")
    view_cache_max_age_s: float = Field(default=30.0, ge=0, le=3600, description=(
        "360 views are cached per replica, dropped by every event about the customer and kept at most this long "
        "(time alone changes some parts: an offer expires); 0 turns the cache off. Needs Kafka."))
    view_cache_entries: int = Field(default=100_000, ge=1, description="Most 360 views one replica keeps.")
    view_cache_readers: dict[str, list[str]] = Field(
        default_factory=lambda: {g: list(t) for g, t in DEFAULT_VIEW_READERS.items()}, description=(
            "JSON {consumer group: [topics it reads]}: the groups whose progress the view cache waits for "
            "(set it when a service's <P>CONSUMER_GROUP is not the default)."))
    log_level: str = "INFO"
    log_json: bool = True
    api_keys: dict[str, list[Scope] | NamedKey] | None = Field(
        default=None,
        validation_alias=AliasChoices("IDIC_API_KEYS", "api_keys"),
        description='JSON object {"<key>": ["read", "write", "admin"]}, or {"<key>": {"scopes": [...], '
                    '"actor": "agent.anna"}} for a key whose actions are recorded under a name.',
    )
    _dev_key_in_use: bool = PrivateAttr(default=False)

    @model_validator(mode="after")
    def _require_api_keys(self) -> Settings:
        # refusing to start is safer than an open gateway; development gets a well-known key
        if self.api_keys and any(not key for key in self.api_keys):
            raise ValueError("IDIC_API_KEYS may not contain an empty key")
        if self.api_keys and self.env == "production":
            # a guessable key is broken authentication, whatever the rate limits
            short = [k for k in self.api_keys if len(k) < self.min_key_length]
            if short:
                raise ValueError(f"IDIC_API_KEYS: {len(short)} key(s) shorter than {self.min_key_length} characters")
        if "*" in self.cors_origins:
            raise ValueError("GATEWAY_CORS_ORIGINS may not be '*': name the origins")
        unknown = sorted({t for topics in self.view_cache_readers.values() for t in topics} - set(TOPICS))
        if unknown:
            raise ValueError(f"GATEWAY_VIEW_CACHE_READERS: no such topic {unknown} (the topics: {', '.join(TOPICS)})")
        if not self.api_keys:
            if self.env != "development":
                raise ValueError("IDIC_API_KEYS is required unless GATEWAY_ENV=development")
            self.api_keys = {DEV_KEY: NamedKey(scopes=["read", "write", "admin"], actor=DEV_ACTOR)}
            self._dev_key_in_use = True
        return self

    def grants(self) -> dict[str, tuple[frozenset[str], str | None]]:
        """Each key's scopes and actor name (None: the key has no name)."""
        return {key: (frozenset(grant.scopes), grant.actor) if isinstance(grant, NamedKey) else (frozenset(grant), None)
                for key, grant in (self.api_keys or {}).items()}

    @property
    def dev_key_in_use(self) -> bool:
        """True when the development key stands in for missing IDIC_API_KEYS."""
        return self._dev_key_in_use

    def service_urls(self) -> dict[str, str]:
        """Base URL of each backend service by its short name."""
        return {"identity": self.identity_url, "interaction": self.interaction_url,
                "scoring": self.scoring_url, "treatment": self.treatment_url}
