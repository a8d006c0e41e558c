import pytest
from pydantic import ValidationError

from gateway.config import DEV_ACTOR, DEV_KEY, Settings
from gateway.domain.access import MalformedCredentials, actor_of, authenticate, grant_of, presented_key, required_scope

KEYS = {"k-read": ["read"], "k-all": ["read", "write", "admin"]}


@pytest.mark.parametrize(("method", "path", "scope"), [
    ("GET", "/v1/customers/{customer_id}", "read"),
    ("GET", "/v1/rules", "read"),
    ("GET", "/v1/rules/{rule_id}", "read"),
    ("POST", "/v1/customers/identify", "write"),
    ("POST", "/v1/interactions", "write"),
    ("PUT", "/v1/customers/{customer_id}/consent", "write"),
    ("POST", "/v1/rules:simulate", "write"),
    ("POST", "/v1/rules", "admin"),
    ("PUT", "/v1/rules/{rule_id}", "admin"),
    ("DELETE", "/v1/rules/{rule_id}", "admin"),
    ("DELETE", "/v1/customers/{customer_id}", "admin"),
    ("GET", "/v1/customers/{customer_id}/export", "admin"),
    ("POST", "/v1/segments", "admin"), ("GET", "/v1/segments", "read"),
    ("POST", "/v1/models/rfm:refresh", "admin"), ("POST", "/v1/models/clv:fit", "write"),
    ("POST", "/v1/triggers:scan", "admin"), ("POST", "/v1/models/matching:train", "admin"),
    ("POST", "/v1/customers:dedupe", "admin"),
    ("POST", "/v1/reviews/{review_id}:accept", "write"), ("GET", "/v1/reviews", "read"),
    ("GET", "/v1/feedback/nps", "read"),
    ("GET", "/v1/webhooks", "admin"), ("POST", "/v1/webhooks", "admin"), ("GET", "/v1/webhooks/{webhook_id}", "admin"),
    ("PATCH", "/v1/webhooks/{webhook_id}", "admin"), ("GET", "/v1/webhooks/{webhook_id}/deliveries", "admin"),
    ("POST", "/v1/webhooks/{webhook_id}/deliveries/{delivery_id}:retry", "admin"),
    ("GET", "/healthz", None), ("GET", "/readyz", None), ("GET", "/metrics", "admin"),
    ("GET", "/openapi.json", None), ("GET", "/docs", None),
])
def test_required_scope(method: str, path: str, scope: str | None) -> None:
    assert required_scope(method, path) == scope


def test_authenticate_returns_the_scopes_of_the_matching_key() -> None:
    assert authenticate("k-read", KEYS) == {"read"}
    assert authenticate("k-all", KEYS) == {"read", "write", "admin"}


@pytest.mark.parametrize("key", ["", "k-rea", "k-read ", "K-READ", "k-readx"])
def test_authenticate_rejects_other_keys(key: str) -> None:
    assert authenticate(key, KEYS) is None


def test_presented_key_reads_bearer_or_x_api_key() -> None:
    assert presented_key(authorization="Bearer abc", api_key=None) == "abc"
    assert presented_key(authorization="bearer  abc ", api_key=None) == "abc"
    assert presented_key(authorization=None, api_key=" xyz ") == "xyz"
    assert presented_key(authorization="Bearer abc", api_key="abc") == "abc"
    assert presented_key(authorization=None, api_key=None) is None


@pytest.mark.parametrize(("authorization", "api_key"), [
    ("Basic dXNlcg==", "xyz"), ("Bearer ", None), ("Bearer abc", "xyz"), (None, ""), ("abc", None)])
def test_ambiguous_or_malformed_credentials_are_refused(authorization: str | None, api_key: str | None) -> None:
    with pytest.raises(MalformedCredentials):
        presented_key(authorization=authorization, api_key=api_key)


def test_settings_refuse_to_start_without_keys_outside_development(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("IDIC_API_KEYS", raising=False)
    for env in ("production", "test"):
        with pytest.raises(ValidationError, match="IDIC_API_KEYS is required"):
            Settings(env=env)
    with pytest.raises(ValidationError):
        Settings(env="production", api_keys={})


def test_development_without_keys_uses_the_dev_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("IDIC_API_KEYS", raising=False)
    settings = Settings(env="development")
    assert settings.grants() == {DEV_KEY: (frozenset({"read", "write", "admin"}), DEV_ACTOR)}
    assert settings.dev_key_in_use


def test_keys_come_from_unprefixed_idic_api_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IDIC_API_KEYS", '{"s3cret-0123456789": ["read", "admin"]}')
    monkeypatch.setenv("GATEWAY_ENV", "production")
    monkeypatch.setenv("GATEWAY_SCORING_URL", "http://scoring:8003")
    settings = Settings()
    assert settings.api_keys == {"s3cret-0123456789": ["read", "admin"]}
    assert not settings.dev_key_in_use
    assert settings.service_urls()["scoring"] == "http://scoring:8003"


def test_a_key_may_carry_the_name_of_who_acts_through_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IDIC_API_KEYS", '{"anna-key-0123456789": {"scopes": ["read", "write"], "actor": "agent.anna"},'
                                        ' "batch-key-0123456789": ["write"]}')
    monkeypatch.setenv("GATEWAY_ENV", "production")
    grants = Settings().grants()
    assert grants == {"anna-key-0123456789": (frozenset({"read", "write"}), "agent.anna"),
                      "batch-key-0123456789": (frozenset({"write"}), None)}
    assert grant_of("anna-key-0123456789", grants) == (frozenset({"read", "write"}), "agent.anna")
    assert grant_of("someone-else-0123", grants) is None
    assert actor_of("anna-key-0123456789", "agent.anna") == "agent.anna"
    assert actor_of("batch-key-0123456789").startswith("key:")  # unnamed: a digest, never the key


@pytest.mark.parametrize("actor", ["", "agent anna", "<b>anna</b>", "anna\r\nX-Forged: 1", "a" * 65])
def test_an_actor_name_that_cannot_travel_in_a_header_or_be_shown_is_refused(actor: str) -> None:
    with pytest.raises(ValidationError, match="actor"):
        Settings(env="test", api_keys={"anna-key-0123456789": {"scopes": ["read"], "actor": actor}})
    with pytest.raises(ValidationError):  # nothing but scopes and actor: a typo is not ignored
        Settings(env="test", api_keys={"anna-key-0123456789": {"scopes": ["read"], "actor": "anna", "role": "x"}})


def test_unknown_scopes_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IDIC_API_KEYS", '{"k": ["root"]}')
    with pytest.raises(ValidationError):
        Settings()
