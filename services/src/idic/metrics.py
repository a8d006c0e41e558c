"""Prometheus metrics shared by every service (one registry per process)."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

HTTP_REQUESTS = Counter("idic_http_requests_total", "HTTP requests answered", ["method", "route", "status"])
HTTP_LATENCY = Histogram("idic_http_request_seconds", "HTTP request latency", ["method", "route"])
OUTBOX_PUBLISHED = Counter("idic_outbox_published_total", "Outbox rows published to Kafka", ["topic"])
OUTBOX_PUBLISH_ERRORS = Counter("idic_outbox_publish_errors_total", "Failed outbox publish attempts")
OUTBOX_PENDING = Gauge("idic_outbox_pending", "Unsent outbox rows seen by the last relay pass")
EVENTS_CONSUMED = Counter("idic_events_consumed_total", "Events taken off Kafka by outcome",
                          ["group", "type", "outcome"])
EVENT_HANDLE_SECONDS = Histogram("idic_event_handle_seconds", "Time to apply a batch of events", ["group"])
EVENTS_DEAD_LETTERED = Counter("idic_events_dead_lettered_total", "Messages sent to a dead-letter topic", ["group"])
CONSUMER_LAG = Gauge("idic_consumer_lag", "Records on a partition not yet applied by its consumer group (the "
                     "partition's high watermark minus the group's position), after each poll",
                     ["group", "topic", "partition"])
