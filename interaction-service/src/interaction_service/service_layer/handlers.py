"""Event handlers: what identity's merges, unmerges and erasures mean for interactions.

Each runs inside the consumer's open unit of work (which commits, with the inbox row) and
issues a fixed number of set-based statements, whatever the number of interactions."""

from __future__ import annotations

from idic import CloudEvent, Handler, get_logger, utcnow
from idic.contracts import CustomerErased, CustomersMerged, CustomerUnmerged

from ..adapters.uow import InteractionUnitOfWork

log = get_logger(__name__)


def on_customers_merged(event: CustomersMerged, envelope: CloudEvent, uow: InteractionUnitOfWork) -> None:
    """Re-key the merged customers' interactions to the survivor; late arrivals follow via aliases."""
    merged = [m for m in event.merged_ids if m != event.customer_id]
    moved = uow.interactions.rekey(merged_ids=merged, survivor_id=event.customer_id)
    uow.interactions.set_aliases(merged_ids=merged, survivor_id=event.customer_id, at=utcnow())
    log.info("interactions re-keyed", survivor_id=event.customer_id, merged=len(merged), moved=moved)


def on_customer_unmerged(event: CustomerUnmerged, envelope: CloudEvent, uow: InteractionUnitOfWork) -> None:
    """Give the restored customer back the interactions first recorded for it."""
    uow.interactions.drop_alias(event.restored_id)
    moved = uow.interactions.restore(restored_id=event.restored_id, from_id=event.customer_id)
    log.info("interactions restored", restored_id=event.restored_id, moved=moved)


def on_customer_erased(event: CustomerErased, envelope: CloudEvent, uow: InteractionUnitOfWork) -> None:
    """GDPR art. 17: delete every interaction of the person."""
    deleted = uow.interactions.delete_customer(event.customer_id)
    uow.interactions.drop_aliases(event.customer_id)
    log.info("interactions erased", customer_id=event.customer_id, deleted=deleted)


HANDLERS: dict[str, Handler] = {
    CustomersMerged.event_type: on_customers_merged,
    CustomerUnmerged.event_type: on_customer_unmerged,
    CustomerErased.event_type: on_customer_erased,
}
