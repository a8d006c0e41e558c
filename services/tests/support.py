"""A minimal service built only from idic parts, for testing the delivery machinery."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal

from sqlalchemy import Column, Integer, Numeric, String, Table, select
from sqlalchemy.orm import Session

from idic import (
    CloudEvent,
    ConsumerSpec,
    EventConsumer,
    UnitOfWork,
    add_messaging_tables,
    make_engine,
    make_sessionmaker,
    new_metadata,
)
from idic.contracts import InteractionRecorded

metadata = new_metadata()
tables = add_messaging_tables(metadata)
purchases = Table(
    "purchases", metadata,
    Column("customer_id", String(64), primary_key=True),
    Column("count", Integer, nullable=False),
    Column("revenue", Numeric(18, 2), nullable=False),
)


class CounterUoW(UnitOfWork):
    def _attach(self, session: Session) -> None:
        self.purchases = purchases


def count_purchase(payload: InteractionRecorded, _envelope: CloudEvent, uow: CounterUoW) -> None:
    """Not idempotent on purpose: only the inbox stands between a redelivery and a double count."""
    row = uow.session.execute(select(purchases).where(purchases.c.customer_id == payload.customer_id)).first()
    amount = payload.amount or Decimal("0")
    if row is None:
        uow.session.execute(purchases.insert().values(customer_id=payload.customer_id, count=1, revenue=amount))
    else:
        uow.session.execute(purchases.update().where(purchases.c.customer_id == payload.customer_id)
                            .values(count=row.count + 1, revenue=row.revenue + amount))


class MiniService:
    """Engine + uow factory over a fresh database with the test tables."""

    def __init__(self, url: str) -> None:
        self.engine = make_engine(url)
        metadata.create_all(self.engine)  # tests only; services use Alembic
        self.sessions = make_sessionmaker(self.engine)

    def uow(self) -> CounterUoW:
        return CounterUoW(self.sessions, tables=tables, source="/mini")

    def purchases_of(self, customer_id: str) -> tuple[int, Decimal] | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(purchases).where(purchases.c.customer_id == customer_id)).first()
        return None if row is None else (row.count, Decimal(row.revenue))

    def inbox_count(self, group: str) -> int:
        with self.engine.connect() as conn:
            return len(conn.execute(select(tables.inbox).where(tables.inbox.c.consumer_group == group)).all())


@contextmanager
def running_consumer(service: MiniService, *, bootstrap: str, group: str, max_attempts: int = 3,
                     handler: Callable[..., None] = count_purchase,
                     uow_factory: Callable[[], CounterUoW] | None = None) -> Iterator[EventConsumer]:
    spec = ConsumerSpec(group_id=group, topics=("idic.interaction",),
                        handlers={InteractionRecorded.event_type: handler})
    consumer = EventConsumer(spec=spec, uow_factory=uow_factory or service.uow, bootstrap_servers=bootstrap,
                             client_id=group,
                             max_attempts=max_attempts, retry_backoff_s=0.01)
    stop = threading.Event()
    thread = threading.Thread(target=consumer.run, args=(stop,), daemon=True)
    thread.start()
    try:
        yield consumer
    finally:
        stop.set()
        thread.join(15)

