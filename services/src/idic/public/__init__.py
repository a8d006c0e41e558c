"""The public HTTP contract, declared once: every request and response body of the
platform's APIs (../shared/API.md), with the value types they share.

The service that serves an operation and the gateway that proxies it both import the
same model, as producers and consumers of events both import ``idic.contracts``: a body
cannot drift between the two, and the gateway's OpenAPI document says what the service
enforces. Modules follow the I-D-I-C steps (``identity``, ``interaction``, ``scoring``,
``treatment``), plus ``webhooks``, ``reports``, ``views`` (the bodies only the gateway composes) and
``common`` (customer id, channel, identifier type, money, time, cursor, problem)."""
