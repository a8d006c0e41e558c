"""How to reach the Kafka cluster and prove who we are to it: the bootstrap list plus TLS and SASL.

Every kafka-python client of the platform (producers, consumers, the admin client that creates topics,
the dead-letter reader) is built from one ``KafkaConnection``, so a managed or secured broker (TLS,
SASL PLAIN, SASL SCRAM) is configured once, in the settings, and nothing connects around it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, get_args

SecurityProtocol = Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"]
SaslMechanism = Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"]
SECURITY_PROTOCOLS: tuple[str, ...] = get_args(SecurityProtocol)
SASL_MECHANISMS: tuple[str, ...] = get_args(SaslMechanism)


@dataclass(frozen=True)
class KafkaConnection:
    """The bootstrap servers (comma-separated ``host:port``) and how to authenticate.

    ``security_protocol`` is Kafka's own: ``SSL`` and ``SASL_SSL`` encrypt (the broker's certificate is
    checked against ``ssl_cafile``, or the system's CAs when it is empty, and its host name unless
    ``ssl_check_hostname`` is off); ``SASL_*`` log in with ``sasl_mechanism`` as ``sasl_username``.
    ``ssl_certfile``/``ssl_keyfile`` are the client's own certificate for brokers that require mutual TLS.
    A setting that the protocol would ignore is refused: it is a mistake, not a preference."""

    bootstrap_servers: str
    security_protocol: SecurityProtocol = "PLAINTEXT"
    sasl_mechanism: SaslMechanism | None = None
    sasl_username: str | None = None
    sasl_password: str | None = field(default=None, repr=False)
    ssl_cafile: str | None = None
    ssl_certfile: str | None = None
    ssl_keyfile: str | None = None
    ssl_key_password: str | None = field(default=None, repr=False)
    ssl_check_hostname: bool = True

    def __post_init__(self) -> None:
        if not self.servers:
            raise ValueError("KAFKA_BOOTSTRAP_SERVERS: no host:port given")
        if self.security_protocol not in SECURITY_PROTOCOLS:
            raise ValueError(f"KAFKA_SECURITY_PROTOCOL: {self.security_protocol!r} is not one of "
                             f"{', '.join(SECURITY_PROTOCOLS)}")
        if self.uses_sasl:
            if self.sasl_mechanism not in SASL_MECHANISMS:
                raise ValueError(f"KAFKA_SASL_MECHANISM: {self.security_protocol} needs one of "
                                 f"{', '.join(SASL_MECHANISMS)}, got {self.sasl_mechanism!r}")
            if not self.sasl_username or not self.sasl_password:
                raise ValueError(f"KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD: {self.security_protocol} logs in "
                                 "with both")
        else:
            stray = [name for name, value in (("KAFKA_SASL_MECHANISM", self.sasl_mechanism),
                                              ("KAFKA_SASL_USERNAME", self.sasl_username),
                                              ("KAFKA_SASL_PASSWORD", self.sasl_password)) if value]
            if stray:
                raise ValueError(f"{', '.join(stray)}: set, but KAFKA_SECURITY_PROTOCOL={self.security_protocol} "
                                 "does not use SASL (SASL_PLAINTEXT or SASL_SSL does)")
        tls_files = (("KAFKA_SSL_CAFILE", self.ssl_cafile), ("KAFKA_SSL_CERTFILE", self.ssl_certfile),
                     ("KAFKA_SSL_KEYFILE", self.ssl_keyfile))
        if not self.uses_tls:
            stray = [name for name, value in (*tls_files, ("KAFKA_SSL_KEY_PASSWORD", self.ssl_key_password))
                     if value]
            if stray:
                raise ValueError(f"{', '.join(stray)}: set, but KAFKA_SECURITY_PROTOCOL={self.security_protocol} "
                                 "does not use TLS (SSL or SASL_SSL does)")
        for name, path in tls_files:
            # a missing certificate found at start-up, not as a handshake failure in a relay thread later
            if path and not Path(path).is_file():
                raise ValueError(f"{name}: {path!r} is not a readable file")
        if bool(self.ssl_certfile) != bool(self.ssl_keyfile):
            raise ValueError("KAFKA_SSL_CERTFILE and KAFKA_SSL_KEYFILE: a client certificate needs both")

    @property
    def servers(self) -> list[str]:
        return [s.strip() for s in self.bootstrap_servers.split(",") if s.strip()]

    @property
    def uses_tls(self) -> bool:
        return self.security_protocol in ("SSL", "SASL_SSL")

    @property
    def uses_sasl(self) -> bool:
        return self.security_protocol.startswith("SASL_")

    def client_config(self) -> dict[str, Any]:
        """The keyword arguments every kafka-python client (producer, consumer, admin) takes for this."""
        config: dict[str, Any] = {"bootstrap_servers": self.servers, "security_protocol": self.security_protocol}
        if self.uses_sasl:
            config.update(sasl_mechanism=self.sasl_mechanism, sasl_plain_username=self.sasl_username,
                          sasl_plain_password=self.sasl_password)
        if self.uses_tls:
            config.update(ssl_cafile=self.ssl_cafile, ssl_certfile=self.ssl_certfile, ssl_keyfile=self.ssl_keyfile,
                          ssl_password=self.ssl_key_password, ssl_check_hostname=self.ssl_check_hostname)
        return config


def kafka_connection(value: str | KafkaConnection) -> KafkaConnection:
    """A connection from a bare bootstrap list (a plaintext cluster: tests, the embedded default) or as is."""
    return value if isinstance(value, KafkaConnection) else KafkaConnection(value)
