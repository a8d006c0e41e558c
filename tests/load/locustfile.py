"""Mixed workload of the public API, run by Locust in its own process (`make bench`).

One simulated client is an agent/system working with known customers: it identifies people
(mostly returning, some new), records their interactions, reads the 360 view and asks for
next-best-actions, with the weights below. Customers to work with come from the file named
by LOAD_CUSTOMERS (one `customer_id,email` per line, seeded before the run).
"""

from __future__ import annotations

import os
import random
import uuid

from locust import FastHttpUser, between, constant_throughput, task

API_KEY = os.environ["LOAD_API_KEY"]
CHANNELS = ("web", "store", "phone", "email", "mobile_app")
CATEGORIES = ("garden", "kitchen", "books", "toys", "sports")


def _customers() -> list[tuple[str, str]]:
    with open(os.environ["LOAD_CUSTOMERS"], encoding="utf-8") as f:
        return [tuple(line.strip().split(",", 1)) for line in f if line.strip()]  # type: ignore[misc]


CUSTOMERS = _customers()


class CustomerAgent(FastHttpUser):
    # a short think time: many agents at moderate pace, not one client hammering in a loop; or, with
    # LOAD_RATE_PER_USER, each at that many requests a second (an offered load: the scale bench's levels)
    wait_time = (constant_throughput(float(os.environ["LOAD_RATE_PER_USER"])) if os.environ.get("LOAD_RATE_PER_USER")
                 else between(0.0, 0.02))

    _headers = {"X-API-Key": API_KEY}

    @task(2)
    def identify(self) -> None:
        if random.random() < 0.7:  # a returning customer, by their email
            _, email = random.choice(CUSTOMERS)
            identifiers = [{"type": "email", "value": email}]
        else:  # someone new
            identifiers = [{"type": "email", "value": f"load-{uuid.uuid4().hex[:12]}@example.org"}]
        self.client.post("/v1/customers/identify", headers=self._headers, name="identify",
                         json={"identifiers": identifiers, "source": "load"})

    @task(4)
    def record_interaction(self) -> None:
        customer_id, _ = random.choice(CUSTOMERS)
        body: dict[str, object] = {"customer_id": customer_id, "channel": random.choice(CHANNELS),
                                   "payload": {"category": random.choice(CATEGORIES)}}
        if random.random() < 0.4:
            body.update(type="purchase", amount=f"{random.uniform(5, 200):.2f}", currency="EUR")
        else:
            body["type"] = "visit"
        self.client.post("/v1/interactions", headers=self._headers, name="record interaction", json=body)

    @task(3)
    def view_360(self) -> None:
        customer_id, _ = random.choice(CUSTOMERS)
        with self.client.get(f"/v1/customers/{customer_id}", headers=self._headers, name="360 view",
                             catch_response=True) as response:
            # a view missing a part is an error for this count, even though the client got a 200
            if response.status_code == 200 and response.json()["degraded"]:
                response.failure(f"degraded: {response.json()['degraded']}")

    @task(2)
    def next_best_actions(self) -> None:
        customer_id, _ = random.choice(CUSTOMERS)
        self.client.get(f"/v1/customers/{customer_id}/next-best-actions?limit=5", headers=self._headers,
                        name="next-best-actions")
