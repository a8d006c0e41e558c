"""idic: the shared mechanics of the I-D-I-C services (no business logic)."""

from __future__ import annotations

from .app import create_service_app, health_router
from .bus import KafkaReachability, dlq_topic, ensure_topics, make_producer
from .consumer import ConsumerSpec, EventConsumer, Handler
from .db import (
    UtcDateTime,
    alembic_config,
    bulk_insert,
    copies,
    make_engine,
    make_sessionmaker,
    new_metadata,
    ping,
    run_migrations,
    utcnow,
)
from .events import CONTENT_TYPE, CloudEvent, MalformedEvent, parse_event
from .identities import Aliases, Erasures, IdentityTables, add_identity_tables
from .jobs import JobConflict, JobFn, JobRecord, Jobs, Progress, add_jobs_table, new_job_id
from .jobs_api import job_accepted, job_responses, jobs_router, parse_prefer_wait, public_job
from .logs import configure_logging, get_logger
from .messaging import MessagingTables, add_messaging_tables
from .middleware import BodyGuardMiddleware, RequestContextMiddleware
from .problems import ProblemError, install_problem_handlers, problem_response
from .relay import OutboxRelay
from .routing import ServiceRouter
from .runtime import ServiceRuntime
from .settings import ServiceSettings
from .uow import UnitOfWork

__all__ = [
    "Aliases", "BodyGuardMiddleware", "CONTENT_TYPE", "CloudEvent", "ConsumerSpec", "Erasures", "EventConsumer",
    "Handler", "IdentityTables", "JobConflict", "JobFn", "JobRecord", "Jobs",
    "KafkaReachability", "MalformedEvent", "MessagingTables", "OutboxRelay", "ProblemError", "Progress",
    "RequestContextMiddleware", "ServiceRouter", "ServiceRuntime", "ServiceSettings", "UnitOfWork", "UtcDateTime",
    "add_identity_tables", "add_jobs_table", "add_messaging_tables", "alembic_config", "bulk_insert",
    "configure_logging", "copies", "create_service_app", "dlq_topic", "ensure_topics", "get_logger", "health_router",
    "install_problem_handlers", "job_accepted", "job_responses", "jobs_router", "make_engine", "make_producer",
    "make_sessionmaker", "new_job_id", "new_metadata", "parse_event", "parse_prefer_wait", "ping", "problem_response",
    "public_job", "run_migrations", "utcnow",
]
