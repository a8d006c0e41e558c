--
-- PostgreSQL database dump
--

\restrict mibs8WdhJEyQDlhTkOvlRmC79yvtwUp74gL1VUFNTNueSQ4PMyhYfQThYW0J7Rg

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: alembic_version; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.alembic_version (
    version_num character varying(32) NOT NULL
);


--
-- Name: customer_activity; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.customer_activity (
    customer_id character varying(64) NOT NULL,
    purchase_count integer NOT NULL,
    first_purchase_at timestamp with time zone,
    last_purchase_at timestamp with time zone,
    amount_currency character varying(3),
    amount_count integer NOT NULL,
    amount_sum bigint NOT NULL,
    last_activity_at timestamp with time zone
);


--
-- Name: customer_aliases; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.customer_aliases (
    merged_id character varying(255) NOT NULL,
    survivor_id character varying(255) NOT NULL,
    merged_at timestamp with time zone NOT NULL
);


--
-- Name: customer_birthdays; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.customer_birthdays (
    customer_id character varying(64) NOT NULL,
    month_day character varying(5) NOT NULL
);


--
-- Name: erasures; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.erasures (
    customer_id character varying(255) NOT NULL,
    erased_at timestamp with time zone NOT NULL
);


--
-- Name: identifier_links; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.identifier_links (
    identifier_key character varying(64) NOT NULL,
    customer_id character varying(64) NOT NULL,
    original_customer_id character varying(64) NOT NULL
);


--
-- Name: inbox; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.inbox (
    consumer_group character varying(255) NOT NULL,
    event_id character varying(64) NOT NULL,
    event_type character varying(255) NOT NULL,
    processed_at timestamp with time zone NOT NULL
);


--
-- Name: interactions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.interactions (
    id character varying(36) NOT NULL,
    client_key character varying(128),
    customer_id character varying(64),
    original_customer_id character varying(64),
    channel character varying(16) NOT NULL,
    type character varying(64) NOT NULL,
    direction character varying(8) NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    recorded_at timestamp with time zone NOT NULL,
    amount bigint,
    currency character varying(3),
    cost bigint,
    payload json NOT NULL,
    nps smallint,
    csat smallint
);


--
-- Name: jobs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.jobs (
    job_id character varying(80) NOT NULL,
    kind character varying(64) NOT NULL,
    status character varying(16) NOT NULL,
    params json NOT NULL,
    progress_done bigint NOT NULL,
    progress_total bigint,
    result json,
    error json,
    created_at timestamp with time zone NOT NULL,
    started_at timestamp with time zone,
    finished_at timestamp with time zone,
    heartbeat_at timestamp with time zone,
    created_by character varying(255)
);


--
-- Name: outbox; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.outbox (
    id bigint NOT NULL,
    event_id character varying(64) NOT NULL,
    topic character varying(249) NOT NULL,
    key character varying(255) NOT NULL,
    event_type character varying(255) NOT NULL,
    body text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    sent_at timestamp with time zone
);


--
-- Name: outbox_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.outbox_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: outbox_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.outbox_id_seq OWNED BY public.outbox.id;


--
-- Name: pending_keys; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.pending_keys (
    identifier_key character varying(64) NOT NULL,
    interaction_id character varying(36) NOT NULL
);


--
-- Name: triggers; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.triggers (
    id character varying(200) NOT NULL,
    customer_id character varying(64) NOT NULL,
    kind character varying(64) NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    interaction_id character varying(36),
    details json NOT NULL,
    detected_at timestamp with time zone NOT NULL
);


--
-- Name: outbox id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.outbox ALTER COLUMN id SET DEFAULT nextval('public.outbox_id_seq'::regclass);


--
-- Data for Name: alembic_version; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.alembic_version (version_num) FROM stdin;
0004
\.


--
-- Data for Name: customer_activity; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.customer_activity (customer_id, purchase_count, first_purchase_at, last_purchase_at, amount_currency, amount_count, amount_sum, last_activity_at) FROM stdin;
08830ee0-5e42-4aca-a818-7e709d2dfc6f	3	2026-03-28 10:00:00+00	2026-06-10 10:00:00+00	EUR	3	885000	2026-06-10 10:00:00+00
14d8bff5-ec73-4dd4-baaa-59e513562275	2	2026-03-25 10:00:00+00	2026-05-01 10:00:00+00	EUR	2	450000	2026-05-01 10:00:00+00
293e9a25-9fe1-4484-84be-068ae33ff875	1	2026-04-15 10:00:00+00	2026-04-15 10:00:00+00	EUR	1	715000	2026-04-15 10:00:00+00
2a2813b2-d08f-41d5-87ff-045bacb126fc	3	2026-04-09 10:00:00+00	2026-06-22 10:00:00+00	EUR	3	1725000	2026-06-22 10:00:00+00
3c8de731-5f16-48b6-ba14-3ad29d654f63	4	2026-03-31 10:00:00+00	2026-07-20 10:00:00+00	EUR	4	1460000	2026-07-20 10:00:00+00
4d05237e-6358-4bba-98cd-0790904b9ea7	2	2026-04-06 10:00:00+00	2026-05-13 10:00:00+00	EUR	2	1010000	2026-05-13 10:00:00+00
8825eae8-081f-4a92-8bd7-938f73c0273a	4	2026-04-12 10:00:00+00	2026-08-01 10:00:00+00	EUR	4	2580000	2026-08-01 10:00:00+00
a923d3a6-a118-4f77-8703-c62592d91078	1	2026-08-29 10:00:00+00	2026-08-29 10:00:00+00	EUR	1	500000	2026-08-29 10:00:00+00
b4caf633-1739-41d9-80eb-409092bd7b01	1	2026-03-22 10:00:00+00	2026-03-22 10:00:00+00	EUR	1	155000	2026-03-22 10:00:00+00
d958b57f-4153-45fd-b447-b2834ebb92c6	1	2026-04-03 10:00:00+00	2026-04-03 10:00:00+00	EUR	1	435000	2026-04-03 10:00:00+00
dc992601-4056-4010-93c7-a04f3576c35d	2	2026-04-18 10:00:00+00	2026-05-25 10:00:00+00	EUR	2	1570000	2026-05-25 10:00:00+00
97068038-88a0-4fa2-b501-38e3f7c00a98	1	2026-09-18 10:00:00+00	2026-09-18 10:00:00+00	EUR	1	199900	2026-12-07 03:23:19.083458+00
89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	5	2026-03-02 10:00:00+00	2026-10-18 10:00:00+00	EUR	5	8244000	2026-12-07 03:23:24.35675+00
13ad1c9b-63da-4a3a-b567-6ed3ac92804c	2	2026-03-14 10:00:00+00	2026-07-30 10:00:00+00	EUR	2	830000	2026-12-07 03:23:24.479885+00
fa9866ab-bd1e-4869-aabd-0dd58680d87e	4	2026-04-01 10:00:00+00	2026-12-07 03:23:19.177229+00	EUR	4	2710000	2026-12-07 03:23:24.647193+00
c2ee74f2-5e8c-4433-ae84-ae4a56967308	1	2026-10-08 10:00:00+00	2026-10-08 10:00:00+00	EUR	1	270000	2026-12-07 03:23:24.838139+00
\.


--
-- Data for Name: customer_aliases; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.customer_aliases (merged_id, survivor_id, merged_at) FROM stdin;
9e187226-b2d4-4825-970c-847484bec3d5	fa9866ab-bd1e-4869-aabd-0dd58680d87e	2026-12-07 03:23:11.163302+00
\.


--
-- Data for Name: customer_birthdays; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.customer_birthdays (customer_id, month_day) FROM stdin;
\.


--
-- Data for Name: erasures; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.erasures (customer_id, erased_at) FROM stdin;
\.


--
-- Data for Name: identifier_links; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.identifier_links (identifier_key, customer_id, original_customer_id) FROM stdin;
d5d2484c36d2172bec60928a2bfe74c7a3b885ab017a77b55d74434cb4d2f0d7	97068038-88a0-4fa2-b501-38e3f7c00a98	97068038-88a0-4fa2-b501-38e3f7c00a98
be6f8c931728e6df2ce81b824d4993090c5c110cc39c3cfdf04a46065974373e	a923d3a6-a118-4f77-8703-c62592d91078	a923d3a6-a118-4f77-8703-c62592d91078
4034b7ae08724afdff73974145bf0bc92174b9d37a51169a1429758419fec5ef	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5
769313d10d40a5440e6a41db56d77df325af0e5c9b6b1d44d9bf93e0046ffd66	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5
0aef7c699c5c4bd8a8f2f563cdf90d2cc98e2004ec399629bd558c7ef34a0a8a	fa9866ab-bd1e-4869-aabd-0dd58680d87e	fa9866ab-bd1e-4869-aabd-0dd58680d87e
43eed1ae856702fee245898d4da28d3f107c92ea166228eedad434db76c274a9	13ad1c9b-63da-4a3a-b567-6ed3ac92804c	13ad1c9b-63da-4a3a-b567-6ed3ac92804c
fc801036ef4be74be43db33e2682c78b8d21f503eec1c0f8f74be6f47e5f55a4	13ad1c9b-63da-4a3a-b567-6ed3ac92804c	13ad1c9b-63da-4a3a-b567-6ed3ac92804c
8e86536e2f63a04420c6c10566ae80414235c82f354c3661f05852cfa0e6ea0b	08830ee0-5e42-4aca-a818-7e709d2dfc6f	08830ee0-5e42-4aca-a818-7e709d2dfc6f
afb8aa1838a50ceb12a19566fdc06e877cb405403ab127492c99a14775d24f58	c2ee74f2-5e8c-4433-ae84-ae4a56967308	c2ee74f2-5e8c-4433-ae84-ae4a56967308
ceee5a446cf92b5b8a8846583176ebb01d43634a47ea812712ef26f5a8a42a90	14d8bff5-ec73-4dd4-baaa-59e513562275	14d8bff5-ec73-4dd4-baaa-59e513562275
d9f6d4a799e80f5b66341ab7b9d5458bb2584de4af1f08b432ab179ccb4b7019	8825eae8-081f-4a92-8bd7-938f73c0273a	8825eae8-081f-4a92-8bd7-938f73c0273a
4ed8cfe74a834de7fd5c1b8c8bdc9af15191faa18eff181f227208fa5542d271	293e9a25-9fe1-4484-84be-068ae33ff875	293e9a25-9fe1-4484-84be-068ae33ff875
c8f159a42edc50fd238a945e40eebc16fce1c0bee164f83f7bfe948ed1db5e34	3c8de731-5f16-48b6-ba14-3ad29d654f63	3c8de731-5f16-48b6-ba14-3ad29d654f63
6f9b35b2e30af8a5e5984cdd9b20297f3b9843a53dd7cc4cd987b754442d1b8f	2a2813b2-d08f-41d5-87ff-045bacb126fc	2a2813b2-d08f-41d5-87ff-045bacb126fc
324f2ecf61f63d4f3e875bae030bb06d2eea7435faf2252d9b09d94ac62b31e6	dc992601-4056-4010-93c7-a04f3576c35d	dc992601-4056-4010-93c7-a04f3576c35d
e53fe9b8c0d23f65812e764a5b0bb69731b319fcfd1430db188b2898aa986586	b4caf633-1739-41d9-80eb-409092bd7b01	b4caf633-1739-41d9-80eb-409092bd7b01
3014ca94e98f3a05f0f460e9c5a9643bcf1d43887625be111fa76ba30fc53d91	d958b57f-4153-45fd-b447-b2834ebb92c6	d958b57f-4153-45fd-b447-b2834ebb92c6
a1ee72fe4ffd92533197d155d1c1ffe55a377966224436c9c0c209753f615d51	4d05237e-6358-4bba-98cd-0790904b9ea7	4d05237e-6358-4bba-98cd-0790904b9ea7
8ef8b03868cfa5ab32fe940b3ff8b8326a4664fa1f55a1c4baa69fe2f3ef0dcd	fa9866ab-bd1e-4869-aabd-0dd58680d87e	9e187226-b2d4-4825-970c-847484bec3d5
\.


--
-- Data for Name: inbox; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.inbox (consumer_group, event_id, event_type, processed_at) FROM stdin;
interaction-service	770025a4-1681-4344-80c9-c74f3fe15b34	idic.customer.identified.v1	2026-12-07 03:23:09.870548+00
interaction-service	0541c8b6-a2d8-48d2-9cc1-2cfd533c2ff6	idic.customer.identified.v1	2026-12-07 03:23:09.870548+00
interaction-service	20a7159a-b3ae-4fd6-95af-dd9784dc8726	idic.customer.identified.v1	2026-12-07 03:23:09.870548+00
interaction-service	62860dcd-8ee8-4e3a-8251-2530a79acfd2	idic.customer.identified.v1	2026-12-07 03:23:09.870548+00
interaction-service	7a5a573e-b7e2-468d-84e4-2ba17392f97f	idic.customer.identified.v1	2026-12-07 03:23:09.870548+00
interaction-service	75055633-9839-42ea-80aa-d36e6c0621b9	idic.customer.identified.v1	2026-12-07 03:23:09.955453+00
interaction-service	f84dbe2d-fd63-45e1-9a86-3e864433b49d	idic.customer.identified.v1	2026-12-07 03:23:10.326873+00
interaction-service	0d11b52f-f6e3-4538-ae62-5bd816d18a30	idic.customer.identified.v1	2026-12-07 03:23:10.326873+00
interaction-service	a52f9532-c594-4fe9-bbb2-3d947e08947b	idic.customer.identified.v1	2026-12-07 03:23:10.326873+00
interaction-service	72de3b8f-1fef-455d-a25c-d129221dfcb2	idic.customer.identified.v1	2026-12-07 03:23:10.326873+00
interaction-service	d5c9be26-8987-49e6-8a08-41a844d83e52	idic.customer.identified.v1	2026-12-07 03:23:10.326873+00
interaction-service	5a999f9b-468d-4829-b61e-71aaf24fe574	idic.customer.identified.v1	2026-12-07 03:23:10.326873+00
interaction-service	c6b38a1c-8c44-4d44-a751-4258c5be225c	idic.customer.identified.v1	2026-12-07 03:23:10.326873+00
interaction-service	9af73de1-5164-4fe9-be5f-3b3a589e20bc	idic.customer.identified.v1	2026-12-07 03:23:10.326873+00
interaction-service	849ec99d-9ace-40e4-bcb2-4e6e37fd8468	idic.customer.identified.v1	2026-12-07 03:23:10.326873+00
interaction-service	6fb7dad7-fce8-4506-becf-0223796e269d	idic.customer.identified.v1	2026-12-07 03:23:10.326873+00
interaction-service	21d0fcdb-3034-439a-922b-e3b5b57d4dad	idic.customer.identified.v1	2026-12-07 03:23:10.326873+00
interaction-service	4c29b509-672f-4854-b80e-0bb18d247e16	idic.customer.identified.v1	2026-12-07 03:23:10.326873+00
interaction-service	7687d532-363e-4369-86f6-2f389c610f5b	idic.customer.identified.v1	2026-12-07 03:23:10.326873+00
interaction-service	8f231fa7-51e9-4aec-b570-9dff343175a5	idic.customer.identified.v1	2026-12-07 03:23:10.326873+00
interaction-service	a3d50273-6429-4263-ad76-72a431c8bff9	idic.customer.identified.v1	2026-12-07 03:23:10.326873+00
interaction-service	f32e1317-1e2c-4d88-806f-2a0f7d427479	idic.customer.identified.v1	2026-12-07 03:23:10.326873+00
interaction-service	0871405a-d5ef-4e8a-8ab7-98fd075b63ae	idic.customer.identified.v1	2026-12-07 03:23:10.326873+00
interaction-service	c56cb87d-b91d-4e37-9b3f-c73464165489	idic.customer.identified.v1	2026-12-07 03:23:10.326873+00
interaction-service	c12533ce-c278-46f4-8489-1732b7d0ec0e	idic.customer.identified.v1	2026-12-07 03:23:10.326873+00
interaction-service	db30a31d-483a-4a32-8ca5-a665fb61821d	idic.customer.identified.v1	2026-12-07 03:23:10.326873+00
interaction-service	2dd7c681-0fc1-42be-a9ef-1dcaae4728d4	idic.customer.identified.v1	2026-12-07 03:23:10.326873+00
interaction-service	73e4e807-9d26-43e6-9477-f741d2d9b6e5	idic.customer.identified.v1	2026-12-07 03:23:10.326873+00
interaction-service	1e0fc200-dbbc-4ab7-ba86-0d3fc7fc25bb	idic.customer.identified.v1	2026-12-07 03:23:10.326873+00
interaction-service	5c7e5348-bade-439f-b677-a26f6fb7e01c	idic.customer.identified.v1	2026-12-07 03:23:10.326873+00
interaction-service	7ead88b0-b56f-4335-a2eb-4e3414846b03	idic.customer.updated.v1	2026-12-07 03:23:10.365741+00
interaction-service	bca8f282-5060-4c70-b10e-f1cd79b7e0bc	idic.customers.merged.v1	2026-12-07 03:23:11.249773+00
interaction-service	051ac4ff-9481-4910-897f-7a6b3cbc92c7	idic.customer.updated.v1	2026-12-07 03:23:11.249773+00
interaction-service	ac1345dc-9481-4c04-ada0-7cffdcd517f4	idic.treatment.delivered.v1	2026-12-07 03:23:18.835618+00
interaction-service	9a430f90-186c-4411-9549-712e76775a2f	idic.treatment.delivered.v1	2026-12-07 03:23:18.835618+00
interaction-service	324215b4-1c54-46e7-9201-e8e89d835f44	idic.treatment.delivered.v1	2026-12-07 03:23:18.87098+00
interaction-service	f7918323-b3d2-48f7-8cbd-df8291861037	idic.treatment.delivered.v1	2026-12-07 03:23:19.067497+00
interaction-service	829a1569-651b-4534-90e2-8211327e1d78	idic.treatment.delivered.v1	2026-12-07 03:23:19.067497+00
interaction-service	bd011dbd-8f5f-4920-a8ae-6d388d74ba88	idic.treatment.delivered.v1	2026-12-07 03:23:19.067497+00
interaction-service	d01393ee-9e52-4428-afc0-2bffeabdba39	idic.treatment.delivered.v1	2026-12-07 03:23:19.212165+00
interaction-service	13e38aff-a62a-40e5-8495-5f28130fe398	idic.treatment.outcome_recorded.v1	2026-12-07 03:23:19.212165+00
interaction-service	92dce30d-8477-4334-9411-c191256c9b53	idic.treatment.outcome_recorded.v1	2026-12-07 03:23:19.212165+00
interaction-service	4b795a1a-05ab-4354-a1ca-ced7ae05f130	idic.treatment.outcome_recorded.v1	2026-12-07 03:23:19.212165+00
interaction-service	51863d60-2f73-41f5-b8d8-4eb2d286f579	idic.treatment.outcome_recorded.v1	2026-12-07 03:23:19.315272+00
interaction-service	abed03c8-4827-4dbd-a8c4-34cc9912b12d	idic.treatment.outcome_recorded.v1	2026-12-07 03:23:19.41599+00
interaction-service	9886e622-6ea2-4e05-987d-656a0a535077	idic.treatment.delivered.v1	2026-12-07 03:23:24.405842+00
interaction-service	02b66c6e-4342-44a1-ab8b-320a2f110269	idic.treatment.delivered.v1	2026-12-07 03:23:24.51146+00
interaction-service	5f13b7b6-c71f-4220-a1a5-b3027a869d63	idic.treatment.delivered.v1	2026-12-07 03:23:24.690504+00
interaction-service	23d60203-db8d-410f-bfb8-b5c5bf019eef	idic.treatment.delivered.v1	2026-12-07 03:23:24.690504+00
interaction-service	81b2abbb-4ccd-4c1c-acca-70cdd9889bd9	idic.treatment.delivered.v1	2026-12-07 03:23:24.891054+00
interaction-service	afa5405c-8bb9-478b-ae6e-5d1829b76e11	idic.treatment.delivered.v1	2026-12-07 03:23:24.891054+00
interaction-service	f997ecae-22e4-416f-a18a-e3a558a0ed3a	idic.treatment.delivered.v1	2026-12-07 03:23:24.891054+00
\.


--
-- Data for Name: interactions; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.interactions (id, client_key, customer_id, original_customer_id, channel, type, direction, occurred_at, recorded_at, amount, currency, cost, payload, nps, csat) FROM stdin;
fe9c42ce-d2c4-414b-b860-3f248edfc5ca	ana-p0	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	store	purchase	inbound	2026-03-02 10:00:00+00	2026-12-07 03:23:09.979881+00	1200000	EUR	11000	{"category": "shoes"}	\N	\N
48c485f4-660e-426c-948b-3555c6f96074	ana-p1	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	web	purchase	inbound	2026-04-12 10:00:00+00	2026-12-07 03:23:09.979881+00	899000	EUR	200	{"category": "bags"}	\N	\N
f4e84bf8-a061-4585-a731-456c0d96ce58	ana-p2	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	store	purchase	inbound	2026-06-05 10:00:00+00	2026-12-07 03:23:09.979881+00	2400000	EUR	11000	{"category": "books"}	\N	\N
33b2d13e-83da-44cd-9689-c4b64082776c	ana-p3	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	web	purchase	inbound	2026-08-09 10:00:00+00	2026-12-07 03:23:09.979881+00	645000	EUR	200	{"category": "shoes"}	\N	\N
41d5fde8-0587-4ae5-9cd8-7ee8795b8732	ana-p4	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	store	purchase	inbound	2026-10-18 10:00:00+00	2026-12-07 03:23:09.979881+00	3100000	EUR	11000	{"category": "bags"}	\N	\N
7b5f6791-90c5-4936-8bd6-d6f4675a522d	ana-s0	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	email	survey	inbound	2026-10-19 10:00:00+00	2026-12-07 03:23:09.979881+00	\N	\N	500	{"nps": 9}	9	\N
a35665bc-45f0-45ae-be3c-1ad776eb9180	ben-p0	13ad1c9b-63da-4a3a-b567-6ed3ac92804c	13ad1c9b-63da-4a3a-b567-6ed3ac92804c	web	purchase	inbound	2026-03-14 10:00:00+00	2026-12-07 03:23:09.979881+00	450000	EUR	200	{"category": "shoes"}	\N	\N
97ef2138-78ad-4f73-877f-f4b9f32f2fa0	ben-p1	13ad1c9b-63da-4a3a-b567-6ed3ac92804c	13ad1c9b-63da-4a3a-b567-6ed3ac92804c	web	purchase	inbound	2026-07-30 10:00:00+00	2026-12-07 03:23:09.979881+00	380000	EUR	200	{"category": "bags"}	\N	\N
08d44563-bf9d-4371-9319-f104c0d7d4e0	ben-c0	13ad1c9b-63da-4a3a-b567-6ed3ac92804c	13ad1c9b-63da-4a3a-b567-6ed3ac92804c	phone	complaint	inbound	2026-08-01 10:00:00+00	2026-12-07 03:23:09.979881+00	\N	\N	42000	{"topic": "late delivery"}	\N	\N
5afe1428-0759-420e-a935-d0a4220d9d8b	ben-s0	13ad1c9b-63da-4a3a-b567-6ed3ac92804c	13ad1c9b-63da-4a3a-b567-6ed3ac92804c	email	survey	inbound	2026-08-02 10:00:00+00	2026-12-07 03:23:09.979881+00	\N	\N	500	{"nps": 3, "csat": 2}	3	2
d888dfb3-ac55-49a1-a064-1b80d6a63a27	cleo-s0	97068038-88a0-4fa2-b501-38e3f7c00a98	97068038-88a0-4fa2-b501-38e3f7c00a98	web	survey	inbound	2026-09-20 10:00:00+00	2026-12-07 03:23:09.979881+00	\N	\N	\N	{"nps": 10, "csat": 5}	10	5
9fef65a5-4c75-4d46-b761-250ca36a7ee6	cleo-p0	97068038-88a0-4fa2-b501-38e3f7c00a98	97068038-88a0-4fa2-b501-38e3f7c00a98	web	purchase	inbound	2026-09-18 10:00:00+00	2026-12-07 03:23:09.979881+00	199900	EUR	200	{"category": "shoes"}	\N	\N
d5dd0c4d-5fb9-49a0-9b82-a4c4330fb100	cleo-v0	97068038-88a0-4fa2-b501-38e3f7c00a98	97068038-88a0-4fa2-b501-38e3f7c00a98	web	visit	inbound	2026-10-28 10:00:00+00	2026-12-07 03:23:09.979881+00	\N	\N	200	{}	\N	\N
fda88ebe-59ff-498e-bead-49476c33d26f	dan-p0	fa9866ab-bd1e-4869-aabd-0dd58680d87e	fa9866ab-bd1e-4869-aabd-0dd58680d87e	web	purchase	inbound	2026-09-28 10:00:00+00	2026-12-07 03:23:09.979881+00	990000	EUR	200	{"category": "shoes"}	\N	\N
e76c0603-3979-4a22-b467-6c718cb19959	fay-p0	a923d3a6-a118-4f77-8703-c62592d91078	a923d3a6-a118-4f77-8703-c62592d91078	store	purchase	inbound	2026-08-29 10:00:00+00	2026-12-07 03:23:09.979881+00	500000	EUR	11000	{"category": "shoes"}	\N	\N
49096e55-7348-4e1c-bb53-d5c6d0389dfb	eve-p0	c2ee74f2-5e8c-4433-ae84-ae4a56967308	c2ee74f2-5e8c-4433-ae84-ae4a56967308	web	purchase	inbound	2026-10-08 10:00:00+00	2026-12-07 03:23:09.979881+00	270000	EUR	200	{"category": "shoes"}	\N	\N
cb50c359-5970-4faa-83dd-e64ec0c67085	filler00-p0	b4caf633-1739-41d9-80eb-409092bd7b01	b4caf633-1739-41d9-80eb-409092bd7b01	web	purchase	inbound	2026-03-22 10:00:00+00	2026-12-07 03:23:09.979881+00	155000	EUR	200	{"category": "shoes"}	\N	\N
f41e1dbd-ddd6-4eb4-8c81-430edc04c598	filler01-p0	14d8bff5-ec73-4dd4-baaa-59e513562275	14d8bff5-ec73-4dd4-baaa-59e513562275	web	purchase	inbound	2026-03-25 10:00:00+00	2026-12-07 03:23:09.979881+00	225000	EUR	200	{"category": "shoes"}	\N	\N
fc4a3e0e-3c8c-4454-9be6-47885d90d24d	filler01-p1	14d8bff5-ec73-4dd4-baaa-59e513562275	14d8bff5-ec73-4dd4-baaa-59e513562275	store	purchase	inbound	2026-05-01 10:00:00+00	2026-12-07 03:23:09.979881+00	225000	EUR	11000	{"category": "bags"}	\N	\N
27f2b99f-20f9-49e0-850c-9f7bb0f918a4	filler02-p0	08830ee0-5e42-4aca-a818-7e709d2dfc6f	08830ee0-5e42-4aca-a818-7e709d2dfc6f	web	purchase	inbound	2026-03-28 10:00:00+00	2026-12-07 03:23:09.979881+00	295000	EUR	200	{"category": "shoes"}	\N	\N
d7f1410e-bda1-401a-ab01-e326dbf8d89f	filler02-p1	08830ee0-5e42-4aca-a818-7e709d2dfc6f	08830ee0-5e42-4aca-a818-7e709d2dfc6f	store	purchase	inbound	2026-05-04 10:00:00+00	2026-12-07 03:23:09.979881+00	295000	EUR	11000	{"category": "bags"}	\N	\N
a605d4f7-46d0-4d29-b993-5437124434c0	filler02-p2	08830ee0-5e42-4aca-a818-7e709d2dfc6f	08830ee0-5e42-4aca-a818-7e709d2dfc6f	web	purchase	inbound	2026-06-10 10:00:00+00	2026-12-07 03:23:09.979881+00	295000	EUR	200	{"category": "books"}	\N	\N
a4ef8fb3-5f8c-4089-a239-6f83a0f6edc7	filler03-p0	3c8de731-5f16-48b6-ba14-3ad29d654f63	3c8de731-5f16-48b6-ba14-3ad29d654f63	web	purchase	inbound	2026-03-31 10:00:00+00	2026-12-07 03:23:09.979881+00	365000	EUR	200	{"category": "shoes"}	\N	\N
9267540b-b182-403b-88c5-b54646c37813	filler03-p1	3c8de731-5f16-48b6-ba14-3ad29d654f63	3c8de731-5f16-48b6-ba14-3ad29d654f63	store	purchase	inbound	2026-05-07 10:00:00+00	2026-12-07 03:23:09.979881+00	365000	EUR	11000	{"category": "bags"}	\N	\N
4395860d-9e78-42a9-a255-4b742240f50d	filler03-p2	3c8de731-5f16-48b6-ba14-3ad29d654f63	3c8de731-5f16-48b6-ba14-3ad29d654f63	web	purchase	inbound	2026-06-13 10:00:00+00	2026-12-07 03:23:09.979881+00	365000	EUR	200	{"category": "books"}	\N	\N
5d026781-0ae4-4a38-b4e2-58df09b5d201	filler03-p3	3c8de731-5f16-48b6-ba14-3ad29d654f63	3c8de731-5f16-48b6-ba14-3ad29d654f63	store	purchase	inbound	2026-07-20 10:00:00+00	2026-12-07 03:23:09.979881+00	365000	EUR	11000	{"category": "shoes"}	\N	\N
e51e14b8-938c-4ed2-899e-6364be57f188	filler04-p0	d958b57f-4153-45fd-b447-b2834ebb92c6	d958b57f-4153-45fd-b447-b2834ebb92c6	web	purchase	inbound	2026-04-03 10:00:00+00	2026-12-07 03:23:09.979881+00	435000	EUR	200	{"category": "shoes"}	\N	\N
e9e46d7b-c8c5-448e-aeb0-eeddd3928baa	filler05-p0	4d05237e-6358-4bba-98cd-0790904b9ea7	4d05237e-6358-4bba-98cd-0790904b9ea7	web	purchase	inbound	2026-04-06 10:00:00+00	2026-12-07 03:23:09.979881+00	505000	EUR	200	{"category": "shoes"}	\N	\N
e29017d5-27ac-49ff-a2bf-077c7e1d9795	filler05-p1	4d05237e-6358-4bba-98cd-0790904b9ea7	4d05237e-6358-4bba-98cd-0790904b9ea7	store	purchase	inbound	2026-05-13 10:00:00+00	2026-12-07 03:23:09.979881+00	505000	EUR	11000	{"category": "bags"}	\N	\N
622fdef5-5066-42d5-babc-07ce6f44d48d	filler06-p0	2a2813b2-d08f-41d5-87ff-045bacb126fc	2a2813b2-d08f-41d5-87ff-045bacb126fc	web	purchase	inbound	2026-04-09 10:00:00+00	2026-12-07 03:23:09.979881+00	575000	EUR	200	{"category": "shoes"}	\N	\N
7fc3bf20-a147-4fba-9bf9-45d7e14d40b4	filler06-p1	2a2813b2-d08f-41d5-87ff-045bacb126fc	2a2813b2-d08f-41d5-87ff-045bacb126fc	store	purchase	inbound	2026-05-16 10:00:00+00	2026-12-07 03:23:09.979881+00	575000	EUR	11000	{"category": "bags"}	\N	\N
4d366dfd-9537-4847-9303-8b6d61cd8b26	filler06-p2	2a2813b2-d08f-41d5-87ff-045bacb126fc	2a2813b2-d08f-41d5-87ff-045bacb126fc	web	purchase	inbound	2026-06-22 10:00:00+00	2026-12-07 03:23:09.979881+00	575000	EUR	200	{"category": "books"}	\N	\N
5cfa020d-52a1-4739-8cc1-2ab348964b77	filler07-p0	8825eae8-081f-4a92-8bd7-938f73c0273a	8825eae8-081f-4a92-8bd7-938f73c0273a	web	purchase	inbound	2026-04-12 10:00:00+00	2026-12-07 03:23:09.979881+00	645000	EUR	200	{"category": "shoes"}	\N	\N
79f7133c-fa93-4832-8b13-6bce561993af	filler07-p1	8825eae8-081f-4a92-8bd7-938f73c0273a	8825eae8-081f-4a92-8bd7-938f73c0273a	store	purchase	inbound	2026-05-19 10:00:00+00	2026-12-07 03:23:09.979881+00	645000	EUR	11000	{"category": "bags"}	\N	\N
eb4fdfdb-9879-4bbc-a250-341fec92ce0b	filler07-p2	8825eae8-081f-4a92-8bd7-938f73c0273a	8825eae8-081f-4a92-8bd7-938f73c0273a	web	purchase	inbound	2026-06-25 10:00:00+00	2026-12-07 03:23:09.979881+00	645000	EUR	200	{"category": "books"}	\N	\N
ba70dc74-7258-4567-98f0-92bae7722e9b	filler07-p3	8825eae8-081f-4a92-8bd7-938f73c0273a	8825eae8-081f-4a92-8bd7-938f73c0273a	store	purchase	inbound	2026-08-01 10:00:00+00	2026-12-07 03:23:09.979881+00	645000	EUR	11000	{"category": "shoes"}	\N	\N
5b2a5c10-e904-45b8-ae92-db3d963099da	filler08-p0	293e9a25-9fe1-4484-84be-068ae33ff875	293e9a25-9fe1-4484-84be-068ae33ff875	web	purchase	inbound	2026-04-15 10:00:00+00	2026-12-07 03:23:09.979881+00	715000	EUR	200	{"category": "shoes"}	\N	\N
c909685a-2c9a-4005-a703-f9407c50ce92	filler09-p0	dc992601-4056-4010-93c7-a04f3576c35d	dc992601-4056-4010-93c7-a04f3576c35d	web	purchase	inbound	2026-04-18 10:00:00+00	2026-12-07 03:23:09.979881+00	785000	EUR	200	{"category": "shoes"}	\N	\N
e5ccbedc-7a57-4356-91c8-c401572d0b89	filler09-p1	dc992601-4056-4010-93c7-a04f3576c35d	dc992601-4056-4010-93c7-a04f3576c35d	store	purchase	inbound	2026-05-25 10:00:00+00	2026-12-07 03:23:09.979881+00	785000	EUR	11000	{"category": "bags"}	\N	\N
5872d3e6-4e9c-4067-8561-580a9dee35d8	dancard-p0	fa9866ab-bd1e-4869-aabd-0dd58680d87e	9e187226-b2d4-4825-970c-847484bec3d5	store	purchase	inbound	2026-04-01 10:00:00+00	2026-12-07 03:23:09.979881+00	750000	EUR	11000	{"category": "shoes"}	\N	\N
471b6b17-5bfc-4fd2-9e4f-68a85c603682	dancard-p1	fa9866ab-bd1e-4869-aabd-0dd58680d87e	9e187226-b2d4-4825-970c-847484bec3d5	store	purchase	inbound	2026-06-30 10:00:00+00	2026-12-07 03:23:09.979881+00	550000	EUR	11000	{"category": "bags"}	\N	\N
6e0e7f73-f8e7-450f-90de-14ff507c613e	treatment-delivered:074c4c6c-e1d1-4fb5-8a40-60a7a3d43a90	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	web	treatment	outbound	2026-12-07 03:23:18.666512+00	2026-12-07 03:23:18.775312+00	\N	\N	\N	{"treatment_id": "074c4c6c-e1d1-4fb5-8a40-60a7a3d43a90", "action_id": "vip-service", "kind": "service_level", "rule_id": "vip-service-level", "via": "api"}	\N	\N
76536069-23ce-4777-8f17-0b02142ed1a1	treatment-delivered:ed45a076-41a2-4804-a071-61bf5e31afb0	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	email	treatment	outbound	2026-12-07 03:23:18.666512+00	2026-12-07 03:23:18.808944+00	\N	\N	\N	{"treatment_id": "ed45a076-41a2-4804-a071-61bf5e31afb0", "action_id": "cross-sell-needs", "kind": "cross_sell", "rule_id": "cross-sell-needs", "via": "api", "treatment_channel": "email"}	\N	\N
cc2866f6-ccc5-4639-9344-e3d4de822a2f	treatment-delivered:c7cf375b-a6b6-469e-8b19-3478367f5cdd	13ad1c9b-63da-4a3a-b567-6ed3ac92804c	13ad1c9b-63da-4a3a-b567-6ed3ac92804c	email	treatment	outbound	2026-12-07 03:23:18.749292+00	2026-12-07 03:23:18.866752+00	\N	\N	\N	{"treatment_id": "c7cf375b-a6b6-469e-8b19-3478367f5cdd", "action_id": "cross-sell-needs", "kind": "cross_sell", "rule_id": "cross-sell-needs", "via": "api", "treatment_channel": "email"}	\N	\N
d47f4cdc-6334-4671-bcc7-56b14ae1be98	treatment-delivered:6b5b032e-ade8-4f17-9102-104ec7aa1c1a	97068038-88a0-4fa2-b501-38e3f7c00a98	97068038-88a0-4fa2-b501-38e3f7c00a98	web	treatment	outbound	2026-12-07 03:23:18.821477+00	2026-12-07 03:23:18.903447+00	\N	\N	\N	{"treatment_id": "6b5b032e-ade8-4f17-9102-104ec7aa1c1a", "action_id": "vip-service", "kind": "service_level", "rule_id": "vip-service-level", "via": "api"}	\N	\N
07af155b-ff6f-4cf0-ad1a-6d7ecba39e29	treatment-delivered:38a59278-1721-4aab-95bf-2b0aa2a5be3b	97068038-88a0-4fa2-b501-38e3f7c00a98	97068038-88a0-4fa2-b501-38e3f7c00a98	email	treatment	outbound	2026-12-07 03:23:18.821477+00	2026-12-07 03:23:18.915916+00	\N	\N	\N	{"treatment_id": "38a59278-1721-4aab-95bf-2b0aa2a5be3b", "action_id": "welcome-message", "kind": "message", "rule_id": "welcome-first-purchase", "via": "api", "treatment_channel": "email"}	\N	\N
e409ea01-bde0-4c24-8503-8ff78b666c14	treatment-delivered:efa96d20-5404-40c7-9a92-b8de59c3ff6b	97068038-88a0-4fa2-b501-38e3f7c00a98	97068038-88a0-4fa2-b501-38e3f7c00a98	email	treatment	outbound	2026-12-07 03:23:18.821477+00	2026-12-07 03:23:18.992119+00	\N	\N	\N	{"treatment_id": "efa96d20-5404-40c7-9a92-b8de59c3ff6b", "action_id": "cross-sell-needs", "kind": "cross_sell", "rule_id": "cross-sell-needs", "via": "api", "treatment_channel": "email"}	\N	\N
fb45a651-b6ba-47d4-a0b1-dbe602411a87	treatment-delivered:5597ba25-c348-457c-a6cb-5242b2fd6e7b	fa9866ab-bd1e-4869-aabd-0dd58680d87e	fa9866ab-bd1e-4869-aabd-0dd58680d87e	email	treatment	outbound	2026-12-07 03:23:18.95626+00	2026-12-07 03:23:19.142946+00	\N	\N	\N	{"treatment_id": "5597ba25-c348-457c-a6cb-5242b2fd6e7b", "action_id": "cross-sell-needs", "kind": "cross_sell", "rule_id": "cross-sell-needs", "via": "api", "treatment_channel": "email"}	\N	\N
7fe798ca-c5c0-42f7-9d11-2437d9be4eff	treatment-outcome:074c4c6c-e1d1-4fb5-8a40-60a7a3d43a90:accepted	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	web	offer_response	inbound	2026-12-07 03:23:18.996381+00	2026-12-07 03:23:19.18533+00	\N	\N	\N	{"treatment_id": "074c4c6c-e1d1-4fb5-8a40-60a7a3d43a90", "outcome": "accepted", "action_id": "vip-service", "kind": "service_level"}	\N	\N
6a27f2a3-5977-4ecf-9106-26c48b918132	treatment-outcome:c7cf375b-a6b6-469e-8b19-3478367f5cdd:converted	13ad1c9b-63da-4a3a-b567-6ed3ac92804c	13ad1c9b-63da-4a3a-b567-6ed3ac92804c	email	offer_response	inbound	2026-12-07 03:23:19.043488+00	2026-12-07 03:23:19.196064+00	\N	\N	\N	{"treatment_id": "c7cf375b-a6b6-469e-8b19-3478367f5cdd", "outcome": "converted", "action_id": "cross-sell-needs", "kind": "cross_sell", "treatment_channel": "email"}	\N	\N
cc62c055-49ae-4870-a06d-c47ac2e5e2f8	treatment-outcome:6b5b032e-ade8-4f17-9102-104ec7aa1c1a:declined	97068038-88a0-4fa2-b501-38e3f7c00a98	97068038-88a0-4fa2-b501-38e3f7c00a98	web	offer_response	inbound	2026-12-07 03:23:19.083458+00	2026-12-07 03:23:19.204814+00	\N	\N	\N	{"treatment_id": "6b5b032e-ade8-4f17-9102-104ec7aa1c1a", "outcome": "declined", "action_id": "vip-service", "kind": "service_level"}	\N	\N
36884a5f-6078-4266-a995-87d06ead9598	dan-p-after	fa9866ab-bd1e-4869-aabd-0dd58680d87e	fa9866ab-bd1e-4869-aabd-0dd58680d87e	web	purchase	inbound	2026-12-07 03:23:19.177229+00	2026-12-07 03:23:19.177229+00	420000	EUR	\N	{}	\N	\N
d9269f65-4ee4-465f-88e3-3f2393150730	treatment-outcome:5597ba25-c348-457c-a6cb-5242b2fd6e7b:accepted	fa9866ab-bd1e-4869-aabd-0dd58680d87e	fa9866ab-bd1e-4869-aabd-0dd58680d87e	email	offer_response	inbound	2026-12-07 03:23:19.119063+00	2026-12-07 03:23:19.295768+00	\N	\N	\N	{"treatment_id": "5597ba25-c348-457c-a6cb-5242b2fd6e7b", "outcome": "accepted", "action_id": "cross-sell-needs", "kind": "cross_sell", "treatment_channel": "email"}	\N	\N
63a80794-94a9-4549-826d-f3ced76ce48d	treatment-outcome:5597ba25-c348-457c-a6cb-5242b2fd6e7b:converted	fa9866ab-bd1e-4869-aabd-0dd58680d87e	fa9866ab-bd1e-4869-aabd-0dd58680d87e	email	offer_response	inbound	2026-12-07 03:23:19.335526+00	2026-12-07 03:23:19.407931+00	\N	\N	\N	{"treatment_id": "5597ba25-c348-457c-a6cb-5242b2fd6e7b", "outcome": "converted", "action_id": "cross-sell-needs", "kind": "cross_sell", "treatment_channel": "email"}	\N	\N
2bdbfe66-3c3f-4dd1-9e55-99c14101d5a1	treatment-delivered:0fe90d9d-8f8c-4577-9ad6-4a45e8d3e6e9	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	web	treatment	outbound	2026-12-07 03:23:24.35675+00	2026-12-07 03:23:24.39871+00	\N	\N	\N	{"treatment_id": "0fe90d9d-8f8c-4577-9ad6-4a45e8d3e6e9", "action_id": "vip-service", "kind": "service_level", "rule_id": "vip-service-level", "via": "api"}	\N	\N
9f427411-cec4-4ef7-9b6b-137f8e19d7f1	treatment-delivered:18169775-fe40-4d45-b514-60006e6dd84b	13ad1c9b-63da-4a3a-b567-6ed3ac92804c	13ad1c9b-63da-4a3a-b567-6ed3ac92804c	email	treatment	outbound	2026-12-07 03:23:24.479885+00	2026-12-07 03:23:24.504348+00	\N	\N	\N	{"treatment_id": "18169775-fe40-4d45-b514-60006e6dd84b", "action_id": "cross-sell-needs", "kind": "cross_sell", "rule_id": "cross-sell-needs", "via": "api", "treatment_channel": "email"}	\N	\N
a4dd40c9-dbd0-45d7-9309-fc0dc30b00ed	treatment-delivered:559903f4-8595-4be7-9136-7241c0735c7f	fa9866ab-bd1e-4869-aabd-0dd58680d87e	fa9866ab-bd1e-4869-aabd-0dd58680d87e	web	treatment	outbound	2026-12-07 03:23:24.647193+00	2026-12-07 03:23:24.678877+00	\N	\N	\N	{"treatment_id": "559903f4-8595-4be7-9136-7241c0735c7f", "action_id": "vip-service", "kind": "service_level", "rule_id": "vip-service-level", "via": "api"}	\N	\N
02077574-125d-4d10-845d-2847a66c6d3c	treatment-delivered:c69a4aaf-a0a6-46be-ba29-7746a509a736	fa9866ab-bd1e-4869-aabd-0dd58680d87e	fa9866ab-bd1e-4869-aabd-0dd58680d87e	email	treatment	outbound	2026-12-07 03:23:24.647193+00	2026-12-07 03:23:24.685803+00	\N	\N	\N	{"treatment_id": "c69a4aaf-a0a6-46be-ba29-7746a509a736", "action_id": "cross-sell-needs", "kind": "cross_sell", "rule_id": "cross-sell-needs", "via": "api", "treatment_channel": "email"}	\N	\N
04f2dac7-da0a-45b8-a37b-9cbe35fe5cb0	treatment-delivered:a91e1d84-e201-4846-9e34-030b104fc120	c2ee74f2-5e8c-4433-ae84-ae4a56967308	c2ee74f2-5e8c-4433-ae84-ae4a56967308	web	treatment	outbound	2026-12-07 03:23:24.838139+00	2026-12-07 03:23:24.875738+00	\N	\N	\N	{"treatment_id": "a91e1d84-e201-4846-9e34-030b104fc120", "action_id": "vip-service", "kind": "service_level", "rule_id": "vip-service-level", "via": "api"}	\N	\N
057a5ccc-5469-4c54-98b1-ec56543e18ab	treatment-delivered:e576b4d2-5f25-4a73-9246-e326240ac66b	c2ee74f2-5e8c-4433-ae84-ae4a56967308	c2ee74f2-5e8c-4433-ae84-ae4a56967308	email	treatment	outbound	2026-12-07 03:23:24.838139+00	2026-12-07 03:23:24.881488+00	\N	\N	\N	{"treatment_id": "e576b4d2-5f25-4a73-9246-e326240ac66b", "action_id": "welcome-message", "kind": "message", "rule_id": "welcome-first-purchase", "via": "api", "treatment_channel": "email"}	\N	\N
bbb66f89-e1b4-4c47-b5ce-2b0410e09da5	treatment-delivered:d5ecfa98-c90d-4de7-afa9-908b203cc40a	c2ee74f2-5e8c-4433-ae84-ae4a56967308	c2ee74f2-5e8c-4433-ae84-ae4a56967308	email	treatment	outbound	2026-12-07 03:23:24.838139+00	2026-12-07 03:23:24.88624+00	\N	\N	\N	{"treatment_id": "d5ecfa98-c90d-4de7-afa9-908b203cc40a", "action_id": "cross-sell-needs", "kind": "cross_sell", "rule_id": "cross-sell-needs", "via": "api", "treatment_channel": "email"}	\N	\N
\.


--
-- Data for Name: jobs; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.jobs (job_id, kind, status, params, progress_done, progress_total, result, error, created_at, started_at, finished_at, heartbeat_at, created_by) FROM stdin;
\.


--
-- Data for Name: outbox; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.outbox (id, event_id, topic, key, event_type, body, created_at, sent_at) FROM stdin;
1	746888ea-895b-4eed-808d-355a3e2f737f	idic.interaction	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	idic.interaction.recorded.v1	{"specversion":"1.0","id":"746888ea-895b-4eed-808d-355a3e2f737f","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:09.989453Z","subject":"89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5","datacontenttype":"application/json","data":{"interaction_id":"fe9c42ce-d2c4-414b-b860-3f248edfc5ca","customer_id":"89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5","channel":"store","type":"purchase","direction":"inbound","occurred_at":"2026-03-02T10:00:00Z","amount":"120.00","currency":"EUR","cost":"1.10","treatment_id":null,"nps":null,"csat":null,"life_event":null,"category":"shoes"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
2	1add7371-2634-4e62-975d-2304e244e465	idic.interaction	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	idic.interaction.recorded.v1	{"specversion":"1.0","id":"1add7371-2634-4e62-975d-2304e244e465","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:09.989531Z","subject":"89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5","datacontenttype":"application/json","data":{"interaction_id":"48c485f4-660e-426c-948b-3555c6f96074","customer_id":"89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5","channel":"web","type":"purchase","direction":"inbound","occurred_at":"2026-04-12T10:00:00Z","amount":"89.90","currency":"EUR","cost":"0.02","treatment_id":null,"nps":null,"csat":null,"life_event":null,"category":"bags"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
3	9f89b206-efb8-40ce-9add-327cb99a1e13	idic.interaction	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	idic.interaction.recorded.v1	{"specversion":"1.0","id":"9f89b206-efb8-40ce-9add-327cb99a1e13","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:09.989609Z","subject":"89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5","datacontenttype":"application/json","data":{"interaction_id":"f4e84bf8-a061-4585-a731-456c0d96ce58","customer_id":"89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5","channel":"store","type":"purchase","direction":"inbound","occurred_at":"2026-06-05T10:00:00Z","amount":"240.00","currency":"EUR","cost":"1.10","treatment_id":null,"nps":null,"csat":null,"life_event":null,"category":"books"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
4	dba2c633-1d44-4e86-bffe-c85df4ba6aeb	idic.interaction	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	idic.interaction.recorded.v1	{"specversion":"1.0","id":"dba2c633-1d44-4e86-bffe-c85df4ba6aeb","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:09.989636Z","subject":"89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5","datacontenttype":"application/json","data":{"interaction_id":"33b2d13e-83da-44cd-9689-c4b64082776c","customer_id":"89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5","channel":"web","type":"purchase","direction":"inbound","occurred_at":"2026-08-09T10:00:00Z","amount":"64.50","currency":"EUR","cost":"0.02","treatment_id":null,"nps":null,"csat":null,"life_event":null,"category":"shoes"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
5	46d6d747-fc28-4d4f-b89a-3a97d2d1a25b	idic.interaction	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	idic.interaction.recorded.v1	{"specversion":"1.0","id":"46d6d747-fc28-4d4f-b89a-3a97d2d1a25b","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:09.989661Z","subject":"89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5","datacontenttype":"application/json","data":{"interaction_id":"41d5fde8-0587-4ae5-9cd8-7ee8795b8732","customer_id":"89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5","channel":"store","type":"purchase","direction":"inbound","occurred_at":"2026-10-18T10:00:00Z","amount":"310.00","currency":"EUR","cost":"1.10","treatment_id":null,"nps":null,"csat":null,"life_event":null,"category":"bags"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
6	fd630364-5614-4353-8fce-3cf54e1d83b7	idic.interaction	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	idic.interaction.recorded.v1	{"specversion":"1.0","id":"fd630364-5614-4353-8fce-3cf54e1d83b7","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:09.989688Z","subject":"89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5","datacontenttype":"application/json","data":{"interaction_id":"7b5f6791-90c5-4936-8bd6-d6f4675a522d","customer_id":"89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5","channel":"email","type":"survey","direction":"inbound","occurred_at":"2026-10-19T10:00:00Z","amount":null,"currency":null,"cost":"0.05","treatment_id":null,"nps":9,"csat":null,"life_event":null,"category":null},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
7	0657cd54-92a2-47c3-89b2-f041a24c9fc1	idic.interaction	13ad1c9b-63da-4a3a-b567-6ed3ac92804c	idic.interaction.recorded.v1	{"specversion":"1.0","id":"0657cd54-92a2-47c3-89b2-f041a24c9fc1","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:09.989714Z","subject":"13ad1c9b-63da-4a3a-b567-6ed3ac92804c","datacontenttype":"application/json","data":{"interaction_id":"a35665bc-45f0-45ae-be3c-1ad776eb9180","customer_id":"13ad1c9b-63da-4a3a-b567-6ed3ac92804c","channel":"web","type":"purchase","direction":"inbound","occurred_at":"2026-03-14T10:00:00Z","amount":"45.00","currency":"EUR","cost":"0.02","treatment_id":null,"nps":null,"csat":null,"life_event":null,"category":"shoes"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
8	b8374981-6f0e-4db4-8aee-7576b8f6ebb0	idic.interaction	13ad1c9b-63da-4a3a-b567-6ed3ac92804c	idic.interaction.recorded.v1	{"specversion":"1.0","id":"b8374981-6f0e-4db4-8aee-7576b8f6ebb0","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:09.989757Z","subject":"13ad1c9b-63da-4a3a-b567-6ed3ac92804c","datacontenttype":"application/json","data":{"interaction_id":"97ef2138-78ad-4f73-877f-f4b9f32f2fa0","customer_id":"13ad1c9b-63da-4a3a-b567-6ed3ac92804c","channel":"web","type":"purchase","direction":"inbound","occurred_at":"2026-07-30T10:00:00Z","amount":"38.00","currency":"EUR","cost":"0.02","treatment_id":null,"nps":null,"csat":null,"life_event":null,"category":"bags"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
9	e2ec60ea-8a1e-4c5b-9c26-477bf2500a59	idic.interaction	13ad1c9b-63da-4a3a-b567-6ed3ac92804c	idic.interaction.recorded.v1	{"specversion":"1.0","id":"e2ec60ea-8a1e-4c5b-9c26-477bf2500a59","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:09.989787Z","subject":"13ad1c9b-63da-4a3a-b567-6ed3ac92804c","datacontenttype":"application/json","data":{"interaction_id":"08d44563-bf9d-4371-9319-f104c0d7d4e0","customer_id":"13ad1c9b-63da-4a3a-b567-6ed3ac92804c","channel":"phone","type":"complaint","direction":"inbound","occurred_at":"2026-08-01T10:00:00Z","amount":null,"currency":null,"cost":"4.20","treatment_id":null,"nps":null,"csat":null,"life_event":null,"category":null},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
10	84f67d7e-fabd-450a-8fd1-8a6de814fc31	idic.interaction	13ad1c9b-63da-4a3a-b567-6ed3ac92804c	idic.interaction.recorded.v1	{"specversion":"1.0","id":"84f67d7e-fabd-450a-8fd1-8a6de814fc31","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:09.989814Z","subject":"13ad1c9b-63da-4a3a-b567-6ed3ac92804c","datacontenttype":"application/json","data":{"interaction_id":"5afe1428-0759-420e-a935-d0a4220d9d8b","customer_id":"13ad1c9b-63da-4a3a-b567-6ed3ac92804c","channel":"email","type":"survey","direction":"inbound","occurred_at":"2026-08-02T10:00:00Z","amount":null,"currency":null,"cost":"0.05","treatment_id":null,"nps":3,"csat":2,"life_event":null,"category":null},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
49	ec79e001-9792-553c-8214-3b8d92a1b4af	idic.interaction	d958b57f-4153-45fd-b447-b2834ebb92c6	idic.trigger.detected.v1	{"specversion":"1.0","id":"ec79e001-9792-553c-8214-3b8d92a1b4af","source":"/interaction-service","type":"idic.trigger.detected.v1","time":"2026-12-07T03:23:10.052282Z","subject":"d958b57f-4153-45fd-b447-b2834ebb92c6","datacontenttype":"application/json","data":{"trigger_id":"first_purchase:d958b57f-4153-45fd-b447-b2834ebb92c6","customer_id":"d958b57f-4153-45fd-b447-b2834ebb92c6","kind":"first_purchase","occurred_at":"2026-04-03T10:00:00Z","interaction_id":"e51e14b8-938c-4ed2-899e-6364be57f188","details":{}},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
11	ceba989e-f48d-4916-aa1c-4843e2b251e6	idic.interaction	97068038-88a0-4fa2-b501-38e3f7c00a98	idic.interaction.recorded.v1	{"specversion":"1.0","id":"ceba989e-f48d-4916-aa1c-4843e2b251e6","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:09.989841Z","subject":"97068038-88a0-4fa2-b501-38e3f7c00a98","datacontenttype":"application/json","data":{"interaction_id":"d888dfb3-ac55-49a1-a064-1b80d6a63a27","customer_id":"97068038-88a0-4fa2-b501-38e3f7c00a98","channel":"web","type":"survey","direction":"inbound","occurred_at":"2026-09-20T10:00:00Z","amount":null,"currency":null,"cost":null,"treatment_id":null,"nps":10,"csat":5,"life_event":null,"category":null},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
12	913d0854-1c0d-462d-ac7a-96f704d44850	idic.interaction	97068038-88a0-4fa2-b501-38e3f7c00a98	idic.interaction.recorded.v1	{"specversion":"1.0","id":"913d0854-1c0d-462d-ac7a-96f704d44850","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:09.989864Z","subject":"97068038-88a0-4fa2-b501-38e3f7c00a98","datacontenttype":"application/json","data":{"interaction_id":"9fef65a5-4c75-4d46-b761-250ca36a7ee6","customer_id":"97068038-88a0-4fa2-b501-38e3f7c00a98","channel":"web","type":"purchase","direction":"inbound","occurred_at":"2026-09-18T10:00:00Z","amount":"19.99","currency":"EUR","cost":"0.02","treatment_id":null,"nps":null,"csat":null,"life_event":null,"category":"shoes"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
13	2172d390-71c5-4e44-9f22-2c6dc137e9ca	idic.interaction	97068038-88a0-4fa2-b501-38e3f7c00a98	idic.interaction.recorded.v1	{"specversion":"1.0","id":"2172d390-71c5-4e44-9f22-2c6dc137e9ca","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:09.989887Z","subject":"97068038-88a0-4fa2-b501-38e3f7c00a98","datacontenttype":"application/json","data":{"interaction_id":"d5dd0c4d-5fb9-49a0-9b82-a4c4330fb100","customer_id":"97068038-88a0-4fa2-b501-38e3f7c00a98","channel":"web","type":"visit","direction":"inbound","occurred_at":"2026-10-28T10:00:00Z","amount":null,"currency":null,"cost":"0.02","treatment_id":null,"nps":null,"csat":null,"life_event":null,"category":null},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
14	c04d4465-5f9a-4018-8a17-8a22cdc18ad2	idic.interaction	9e187226-b2d4-4825-970c-847484bec3d5	idic.interaction.recorded.v1	{"specversion":"1.0","id":"c04d4465-5f9a-4018-8a17-8a22cdc18ad2","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:09.989928Z","subject":"9e187226-b2d4-4825-970c-847484bec3d5","datacontenttype":"application/json","data":{"interaction_id":"5872d3e6-4e9c-4067-8561-580a9dee35d8","customer_id":"9e187226-b2d4-4825-970c-847484bec3d5","channel":"store","type":"purchase","direction":"inbound","occurred_at":"2026-04-01T10:00:00Z","amount":"75.00","currency":"EUR","cost":"1.10","treatment_id":null,"nps":null,"csat":null,"life_event":null,"category":"shoes"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
15	9dade115-2774-4d3b-94b7-28ed08b99860	idic.interaction	9e187226-b2d4-4825-970c-847484bec3d5	idic.interaction.recorded.v1	{"specversion":"1.0","id":"9dade115-2774-4d3b-94b7-28ed08b99860","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:09.989952Z","subject":"9e187226-b2d4-4825-970c-847484bec3d5","datacontenttype":"application/json","data":{"interaction_id":"471b6b17-5bfc-4fd2-9e4f-68a85c603682","customer_id":"9e187226-b2d4-4825-970c-847484bec3d5","channel":"store","type":"purchase","direction":"inbound","occurred_at":"2026-06-30T10:00:00Z","amount":"55.00","currency":"EUR","cost":"1.10","treatment_id":null,"nps":null,"csat":null,"life_event":null,"category":"bags"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
16	f79ebbea-32ae-4e1b-b11f-b48902687a69	idic.interaction	fa9866ab-bd1e-4869-aabd-0dd58680d87e	idic.interaction.recorded.v1	{"specversion":"1.0","id":"f79ebbea-32ae-4e1b-b11f-b48902687a69","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:09.989982Z","subject":"fa9866ab-bd1e-4869-aabd-0dd58680d87e","datacontenttype":"application/json","data":{"interaction_id":"fda88ebe-59ff-498e-bead-49476c33d26f","customer_id":"fa9866ab-bd1e-4869-aabd-0dd58680d87e","channel":"web","type":"purchase","direction":"inbound","occurred_at":"2026-09-28T10:00:00Z","amount":"99.00","currency":"EUR","cost":"0.02","treatment_id":null,"nps":null,"csat":null,"life_event":null,"category":"shoes"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
17	e9962500-cc65-4db7-8041-27a80f8920bc	idic.interaction	a923d3a6-a118-4f77-8703-c62592d91078	idic.interaction.recorded.v1	{"specversion":"1.0","id":"e9962500-cc65-4db7-8041-27a80f8920bc","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:09.990004Z","subject":"a923d3a6-a118-4f77-8703-c62592d91078","datacontenttype":"application/json","data":{"interaction_id":"e76c0603-3979-4a22-b467-6c718cb19959","customer_id":"a923d3a6-a118-4f77-8703-c62592d91078","channel":"store","type":"purchase","direction":"inbound","occurred_at":"2026-08-29T10:00:00Z","amount":"50.00","currency":"EUR","cost":"1.10","treatment_id":null,"nps":null,"csat":null,"life_event":null,"category":"shoes"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
18	b012ae56-4f62-46d9-ba31-20de69425d41	idic.interaction	c2ee74f2-5e8c-4433-ae84-ae4a56967308	idic.interaction.recorded.v1	{"specversion":"1.0","id":"b012ae56-4f62-46d9-ba31-20de69425d41","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:09.990030Z","subject":"c2ee74f2-5e8c-4433-ae84-ae4a56967308","datacontenttype":"application/json","data":{"interaction_id":"49096e55-7348-4e1c-bb53-d5c6d0389dfb","customer_id":"c2ee74f2-5e8c-4433-ae84-ae4a56967308","channel":"web","type":"purchase","direction":"inbound","occurred_at":"2026-10-08T10:00:00Z","amount":"27.00","currency":"EUR","cost":"0.02","treatment_id":null,"nps":null,"csat":null,"life_event":null,"category":"shoes"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
19	a0de2ebb-26a2-425a-9616-1b80f6d4b7a1	idic.interaction	b4caf633-1739-41d9-80eb-409092bd7b01	idic.interaction.recorded.v1	{"specversion":"1.0","id":"a0de2ebb-26a2-425a-9616-1b80f6d4b7a1","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:09.990053Z","subject":"b4caf633-1739-41d9-80eb-409092bd7b01","datacontenttype":"application/json","data":{"interaction_id":"cb50c359-5970-4faa-83dd-e64ec0c67085","customer_id":"b4caf633-1739-41d9-80eb-409092bd7b01","channel":"web","type":"purchase","direction":"inbound","occurred_at":"2026-03-22T10:00:00Z","amount":"15.50","currency":"EUR","cost":"0.02","treatment_id":null,"nps":null,"csat":null,"life_event":null,"category":"shoes"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
48	da2b77b4-d179-58dd-99a2-ac78f168915e	idic.interaction	9e187226-b2d4-4825-970c-847484bec3d5	idic.trigger.detected.v1	{"specversion":"1.0","id":"da2b77b4-d179-58dd-99a2-ac78f168915e","source":"/interaction-service","type":"idic.trigger.detected.v1","time":"2026-12-07T03:23:10.052259Z","subject":"9e187226-b2d4-4825-970c-847484bec3d5","datacontenttype":"application/json","data":{"trigger_id":"first_purchase:9e187226-b2d4-4825-970c-847484bec3d5","customer_id":"9e187226-b2d4-4825-970c-847484bec3d5","kind":"first_purchase","occurred_at":"2026-04-01T10:00:00Z","interaction_id":"5872d3e6-4e9c-4067-8561-580a9dee35d8","details":{}},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
20	b839ba24-6e20-4832-a780-8aae94f62a47	idic.interaction	14d8bff5-ec73-4dd4-baaa-59e513562275	idic.interaction.recorded.v1	{"specversion":"1.0","id":"b839ba24-6e20-4832-a780-8aae94f62a47","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:09.990079Z","subject":"14d8bff5-ec73-4dd4-baaa-59e513562275","datacontenttype":"application/json","data":{"interaction_id":"f41e1dbd-ddd6-4eb4-8c81-430edc04c598","customer_id":"14d8bff5-ec73-4dd4-baaa-59e513562275","channel":"web","type":"purchase","direction":"inbound","occurred_at":"2026-03-25T10:00:00Z","amount":"22.50","currency":"EUR","cost":"0.02","treatment_id":null,"nps":null,"csat":null,"life_event":null,"category":"shoes"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
21	436c7f57-af39-4cce-b63f-f42672828a9a	idic.interaction	14d8bff5-ec73-4dd4-baaa-59e513562275	idic.interaction.recorded.v1	{"specversion":"1.0","id":"436c7f57-af39-4cce-b63f-f42672828a9a","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:09.990102Z","subject":"14d8bff5-ec73-4dd4-baaa-59e513562275","datacontenttype":"application/json","data":{"interaction_id":"fc4a3e0e-3c8c-4454-9be6-47885d90d24d","customer_id":"14d8bff5-ec73-4dd4-baaa-59e513562275","channel":"store","type":"purchase","direction":"inbound","occurred_at":"2026-05-01T10:00:00Z","amount":"22.50","currency":"EUR","cost":"1.10","treatment_id":null,"nps":null,"csat":null,"life_event":null,"category":"bags"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
22	183a4d4d-8004-4e36-86ff-c23706ef60ce	idic.interaction	08830ee0-5e42-4aca-a818-7e709d2dfc6f	idic.interaction.recorded.v1	{"specversion":"1.0","id":"183a4d4d-8004-4e36-86ff-c23706ef60ce","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:09.990123Z","subject":"08830ee0-5e42-4aca-a818-7e709d2dfc6f","datacontenttype":"application/json","data":{"interaction_id":"27f2b99f-20f9-49e0-850c-9f7bb0f918a4","customer_id":"08830ee0-5e42-4aca-a818-7e709d2dfc6f","channel":"web","type":"purchase","direction":"inbound","occurred_at":"2026-03-28T10:00:00Z","amount":"29.50","currency":"EUR","cost":"0.02","treatment_id":null,"nps":null,"csat":null,"life_event":null,"category":"shoes"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
23	b4f52444-3f57-4963-8c78-0bcfa78c0fac	idic.interaction	08830ee0-5e42-4aca-a818-7e709d2dfc6f	idic.interaction.recorded.v1	{"specversion":"1.0","id":"b4f52444-3f57-4963-8c78-0bcfa78c0fac","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:09.990147Z","subject":"08830ee0-5e42-4aca-a818-7e709d2dfc6f","datacontenttype":"application/json","data":{"interaction_id":"d7f1410e-bda1-401a-ab01-e326dbf8d89f","customer_id":"08830ee0-5e42-4aca-a818-7e709d2dfc6f","channel":"store","type":"purchase","direction":"inbound","occurred_at":"2026-05-04T10:00:00Z","amount":"29.50","currency":"EUR","cost":"1.10","treatment_id":null,"nps":null,"csat":null,"life_event":null,"category":"bags"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
24	b75165de-2b79-4f57-be88-07868cc273ed	idic.interaction	08830ee0-5e42-4aca-a818-7e709d2dfc6f	idic.interaction.recorded.v1	{"specversion":"1.0","id":"b75165de-2b79-4f57-be88-07868cc273ed","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:09.990174Z","subject":"08830ee0-5e42-4aca-a818-7e709d2dfc6f","datacontenttype":"application/json","data":{"interaction_id":"a605d4f7-46d0-4d29-b993-5437124434c0","customer_id":"08830ee0-5e42-4aca-a818-7e709d2dfc6f","channel":"web","type":"purchase","direction":"inbound","occurred_at":"2026-06-10T10:00:00Z","amount":"29.50","currency":"EUR","cost":"0.02","treatment_id":null,"nps":null,"csat":null,"life_event":null,"category":"books"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
25	324d4a6a-5952-4ae0-a899-cba23598d75f	idic.interaction	3c8de731-5f16-48b6-ba14-3ad29d654f63	idic.interaction.recorded.v1	{"specversion":"1.0","id":"324d4a6a-5952-4ae0-a899-cba23598d75f","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:09.990196Z","subject":"3c8de731-5f16-48b6-ba14-3ad29d654f63","datacontenttype":"application/json","data":{"interaction_id":"a4ef8fb3-5f8c-4089-a239-6f83a0f6edc7","customer_id":"3c8de731-5f16-48b6-ba14-3ad29d654f63","channel":"web","type":"purchase","direction":"inbound","occurred_at":"2026-03-31T10:00:00Z","amount":"36.50","currency":"EUR","cost":"0.02","treatment_id":null,"nps":null,"csat":null,"life_event":null,"category":"shoes"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
26	8dbed52a-6ddb-4c60-bf0d-70b4690e6365	idic.interaction	3c8de731-5f16-48b6-ba14-3ad29d654f63	idic.interaction.recorded.v1	{"specversion":"1.0","id":"8dbed52a-6ddb-4c60-bf0d-70b4690e6365","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:09.990219Z","subject":"3c8de731-5f16-48b6-ba14-3ad29d654f63","datacontenttype":"application/json","data":{"interaction_id":"9267540b-b182-403b-88c5-b54646c37813","customer_id":"3c8de731-5f16-48b6-ba14-3ad29d654f63","channel":"store","type":"purchase","direction":"inbound","occurred_at":"2026-05-07T10:00:00Z","amount":"36.50","currency":"EUR","cost":"1.10","treatment_id":null,"nps":null,"csat":null,"life_event":null,"category":"bags"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
27	0503ff70-69df-48f5-9d6c-50c053712e25	idic.interaction	3c8de731-5f16-48b6-ba14-3ad29d654f63	idic.interaction.recorded.v1	{"specversion":"1.0","id":"0503ff70-69df-48f5-9d6c-50c053712e25","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:09.990241Z","subject":"3c8de731-5f16-48b6-ba14-3ad29d654f63","datacontenttype":"application/json","data":{"interaction_id":"4395860d-9e78-42a9-a255-4b742240f50d","customer_id":"3c8de731-5f16-48b6-ba14-3ad29d654f63","channel":"web","type":"purchase","direction":"inbound","occurred_at":"2026-06-13T10:00:00Z","amount":"36.50","currency":"EUR","cost":"0.02","treatment_id":null,"nps":null,"csat":null,"life_event":null,"category":"books"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
28	bcf047c9-83b5-4aaa-9483-1bde6ce394c6	idic.interaction	3c8de731-5f16-48b6-ba14-3ad29d654f63	idic.interaction.recorded.v1	{"specversion":"1.0","id":"bcf047c9-83b5-4aaa-9483-1bde6ce394c6","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:09.990263Z","subject":"3c8de731-5f16-48b6-ba14-3ad29d654f63","datacontenttype":"application/json","data":{"interaction_id":"5d026781-0ae4-4a38-b4e2-58df09b5d201","customer_id":"3c8de731-5f16-48b6-ba14-3ad29d654f63","channel":"store","type":"purchase","direction":"inbound","occurred_at":"2026-07-20T10:00:00Z","amount":"36.50","currency":"EUR","cost":"1.10","treatment_id":null,"nps":null,"csat":null,"life_event":null,"category":"shoes"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
29	657c0f16-e19d-476b-824d-cffc53a01ead	idic.interaction	d958b57f-4153-45fd-b447-b2834ebb92c6	idic.interaction.recorded.v1	{"specversion":"1.0","id":"657c0f16-e19d-476b-824d-cffc53a01ead","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:09.990284Z","subject":"d958b57f-4153-45fd-b447-b2834ebb92c6","datacontenttype":"application/json","data":{"interaction_id":"e51e14b8-938c-4ed2-899e-6364be57f188","customer_id":"d958b57f-4153-45fd-b447-b2834ebb92c6","channel":"web","type":"purchase","direction":"inbound","occurred_at":"2026-04-03T10:00:00Z","amount":"43.50","currency":"EUR","cost":"0.02","treatment_id":null,"nps":null,"csat":null,"life_event":null,"category":"shoes"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
30	bc55eaab-0f5c-4a09-9a01-0d9ca0e2b79c	idic.interaction	4d05237e-6358-4bba-98cd-0790904b9ea7	idic.interaction.recorded.v1	{"specversion":"1.0","id":"bc55eaab-0f5c-4a09-9a01-0d9ca0e2b79c","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:09.990306Z","subject":"4d05237e-6358-4bba-98cd-0790904b9ea7","datacontenttype":"application/json","data":{"interaction_id":"e9e46d7b-c8c5-448e-aeb0-eeddd3928baa","customer_id":"4d05237e-6358-4bba-98cd-0790904b9ea7","channel":"web","type":"purchase","direction":"inbound","occurred_at":"2026-04-06T10:00:00Z","amount":"50.50","currency":"EUR","cost":"0.02","treatment_id":null,"nps":null,"csat":null,"life_event":null,"category":"shoes"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
31	bc789baa-083b-4ebb-bc69-a670152811fd	idic.interaction	4d05237e-6358-4bba-98cd-0790904b9ea7	idic.interaction.recorded.v1	{"specversion":"1.0","id":"bc789baa-083b-4ebb-bc69-a670152811fd","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:09.990329Z","subject":"4d05237e-6358-4bba-98cd-0790904b9ea7","datacontenttype":"application/json","data":{"interaction_id":"e29017d5-27ac-49ff-a2bf-077c7e1d9795","customer_id":"4d05237e-6358-4bba-98cd-0790904b9ea7","channel":"store","type":"purchase","direction":"inbound","occurred_at":"2026-05-13T10:00:00Z","amount":"50.50","currency":"EUR","cost":"1.10","treatment_id":null,"nps":null,"csat":null,"life_event":null,"category":"bags"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
32	db2d6cd9-3e6d-4add-a170-1ef24db95462	idic.interaction	2a2813b2-d08f-41d5-87ff-045bacb126fc	idic.interaction.recorded.v1	{"specversion":"1.0","id":"db2d6cd9-3e6d-4add-a170-1ef24db95462","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:09.990353Z","subject":"2a2813b2-d08f-41d5-87ff-045bacb126fc","datacontenttype":"application/json","data":{"interaction_id":"622fdef5-5066-42d5-babc-07ce6f44d48d","customer_id":"2a2813b2-d08f-41d5-87ff-045bacb126fc","channel":"web","type":"purchase","direction":"inbound","occurred_at":"2026-04-09T10:00:00Z","amount":"57.50","currency":"EUR","cost":"0.02","treatment_id":null,"nps":null,"csat":null,"life_event":null,"category":"shoes"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
33	415f4c42-2a4c-4686-9d76-e393fc54aaa4	idic.interaction	2a2813b2-d08f-41d5-87ff-045bacb126fc	idic.interaction.recorded.v1	{"specversion":"1.0","id":"415f4c42-2a4c-4686-9d76-e393fc54aaa4","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:09.990378Z","subject":"2a2813b2-d08f-41d5-87ff-045bacb126fc","datacontenttype":"application/json","data":{"interaction_id":"7fc3bf20-a147-4fba-9bf9-45d7e14d40b4","customer_id":"2a2813b2-d08f-41d5-87ff-045bacb126fc","channel":"store","type":"purchase","direction":"inbound","occurred_at":"2026-05-16T10:00:00Z","amount":"57.50","currency":"EUR","cost":"1.10","treatment_id":null,"nps":null,"csat":null,"life_event":null,"category":"bags"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
34	685ccfe9-a400-421b-ad69-31b34310f47e	idic.interaction	2a2813b2-d08f-41d5-87ff-045bacb126fc	idic.interaction.recorded.v1	{"specversion":"1.0","id":"685ccfe9-a400-421b-ad69-31b34310f47e","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:09.990404Z","subject":"2a2813b2-d08f-41d5-87ff-045bacb126fc","datacontenttype":"application/json","data":{"interaction_id":"4d366dfd-9537-4847-9303-8b6d61cd8b26","customer_id":"2a2813b2-d08f-41d5-87ff-045bacb126fc","channel":"web","type":"purchase","direction":"inbound","occurred_at":"2026-06-22T10:00:00Z","amount":"57.50","currency":"EUR","cost":"0.02","treatment_id":null,"nps":null,"csat":null,"life_event":null,"category":"books"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
35	a4ad9908-1387-4280-b7d6-4d1605df7a3b	idic.interaction	8825eae8-081f-4a92-8bd7-938f73c0273a	idic.interaction.recorded.v1	{"specversion":"1.0","id":"a4ad9908-1387-4280-b7d6-4d1605df7a3b","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:09.990428Z","subject":"8825eae8-081f-4a92-8bd7-938f73c0273a","datacontenttype":"application/json","data":{"interaction_id":"5cfa020d-52a1-4739-8cc1-2ab348964b77","customer_id":"8825eae8-081f-4a92-8bd7-938f73c0273a","channel":"web","type":"purchase","direction":"inbound","occurred_at":"2026-04-12T10:00:00Z","amount":"64.50","currency":"EUR","cost":"0.02","treatment_id":null,"nps":null,"csat":null,"life_event":null,"category":"shoes"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
36	a9d64a73-77ff-44ab-95a1-6f1e09ec0df7	idic.interaction	8825eae8-081f-4a92-8bd7-938f73c0273a	idic.interaction.recorded.v1	{"specversion":"1.0","id":"a9d64a73-77ff-44ab-95a1-6f1e09ec0df7","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:09.990450Z","subject":"8825eae8-081f-4a92-8bd7-938f73c0273a","datacontenttype":"application/json","data":{"interaction_id":"79f7133c-fa93-4832-8b13-6bce561993af","customer_id":"8825eae8-081f-4a92-8bd7-938f73c0273a","channel":"store","type":"purchase","direction":"inbound","occurred_at":"2026-05-19T10:00:00Z","amount":"64.50","currency":"EUR","cost":"1.10","treatment_id":null,"nps":null,"csat":null,"life_event":null,"category":"bags"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
37	ef35b9aa-bb1d-4521-8487-a6565610ee99	idic.interaction	8825eae8-081f-4a92-8bd7-938f73c0273a	idic.interaction.recorded.v1	{"specversion":"1.0","id":"ef35b9aa-bb1d-4521-8487-a6565610ee99","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:09.990474Z","subject":"8825eae8-081f-4a92-8bd7-938f73c0273a","datacontenttype":"application/json","data":{"interaction_id":"eb4fdfdb-9879-4bbc-a250-341fec92ce0b","customer_id":"8825eae8-081f-4a92-8bd7-938f73c0273a","channel":"web","type":"purchase","direction":"inbound","occurred_at":"2026-06-25T10:00:00Z","amount":"64.50","currency":"EUR","cost":"0.02","treatment_id":null,"nps":null,"csat":null,"life_event":null,"category":"books"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
50	c5523a32-8178-5591-8afd-cc2c76478ad3	idic.interaction	4d05237e-6358-4bba-98cd-0790904b9ea7	idic.trigger.detected.v1	{"specversion":"1.0","id":"c5523a32-8178-5591-8afd-cc2c76478ad3","source":"/interaction-service","type":"idic.trigger.detected.v1","time":"2026-12-07T03:23:10.052296Z","subject":"4d05237e-6358-4bba-98cd-0790904b9ea7","datacontenttype":"application/json","data":{"trigger_id":"first_purchase:4d05237e-6358-4bba-98cd-0790904b9ea7","customer_id":"4d05237e-6358-4bba-98cd-0790904b9ea7","kind":"first_purchase","occurred_at":"2026-04-06T10:00:00Z","interaction_id":"e9e46d7b-c8c5-448e-aeb0-eeddd3928baa","details":{}},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
38	f629718a-f794-4256-9bae-60aa089b8a2e	idic.interaction	8825eae8-081f-4a92-8bd7-938f73c0273a	idic.interaction.recorded.v1	{"specversion":"1.0","id":"f629718a-f794-4256-9bae-60aa089b8a2e","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:09.990498Z","subject":"8825eae8-081f-4a92-8bd7-938f73c0273a","datacontenttype":"application/json","data":{"interaction_id":"ba70dc74-7258-4567-98f0-92bae7722e9b","customer_id":"8825eae8-081f-4a92-8bd7-938f73c0273a","channel":"store","type":"purchase","direction":"inbound","occurred_at":"2026-08-01T10:00:00Z","amount":"64.50","currency":"EUR","cost":"1.10","treatment_id":null,"nps":null,"csat":null,"life_event":null,"category":"shoes"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
39	a8ec2fdc-ece6-45a8-9b0f-db6398231942	idic.interaction	293e9a25-9fe1-4484-84be-068ae33ff875	idic.interaction.recorded.v1	{"specversion":"1.0","id":"a8ec2fdc-ece6-45a8-9b0f-db6398231942","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:09.990523Z","subject":"293e9a25-9fe1-4484-84be-068ae33ff875","datacontenttype":"application/json","data":{"interaction_id":"5b2a5c10-e904-45b8-ae92-db3d963099da","customer_id":"293e9a25-9fe1-4484-84be-068ae33ff875","channel":"web","type":"purchase","direction":"inbound","occurred_at":"2026-04-15T10:00:00Z","amount":"71.50","currency":"EUR","cost":"0.02","treatment_id":null,"nps":null,"csat":null,"life_event":null,"category":"shoes"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
40	a3f326e4-4ef2-447b-af90-0c2e42fbe125	idic.interaction	dc992601-4056-4010-93c7-a04f3576c35d	idic.interaction.recorded.v1	{"specversion":"1.0","id":"a3f326e4-4ef2-447b-af90-0c2e42fbe125","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:09.990545Z","subject":"dc992601-4056-4010-93c7-a04f3576c35d","datacontenttype":"application/json","data":{"interaction_id":"c909685a-2c9a-4005-a703-f9407c50ce92","customer_id":"dc992601-4056-4010-93c7-a04f3576c35d","channel":"web","type":"purchase","direction":"inbound","occurred_at":"2026-04-18T10:00:00Z","amount":"78.50","currency":"EUR","cost":"0.02","treatment_id":null,"nps":null,"csat":null,"life_event":null,"category":"shoes"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
41	2f3cc531-641a-4ba5-8f93-80de621036a0	idic.interaction	dc992601-4056-4010-93c7-a04f3576c35d	idic.interaction.recorded.v1	{"specversion":"1.0","id":"2f3cc531-641a-4ba5-8f93-80de621036a0","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:09.990568Z","subject":"dc992601-4056-4010-93c7-a04f3576c35d","datacontenttype":"application/json","data":{"interaction_id":"e5ccbedc-7a57-4356-91c8-c401572d0b89","customer_id":"dc992601-4056-4010-93c7-a04f3576c35d","channel":"store","type":"purchase","direction":"inbound","occurred_at":"2026-05-25T10:00:00Z","amount":"78.50","currency":"EUR","cost":"1.10","treatment_id":null,"nps":null,"csat":null,"life_event":null,"category":"bags"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
42	7ed708ce-c013-5bcf-98a8-174fdfafbf27	idic.interaction	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	idic.trigger.detected.v1	{"specversion":"1.0","id":"7ed708ce-c013-5bcf-98a8-174fdfafbf27","source":"/interaction-service","type":"idic.trigger.detected.v1","time":"2026-12-07T03:23:10.052121Z","subject":"89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5","datacontenttype":"application/json","data":{"trigger_id":"first_purchase:89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5","customer_id":"89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5","kind":"first_purchase","occurred_at":"2026-03-02T10:00:00Z","interaction_id":"fe9c42ce-d2c4-414b-b860-3f248edfc5ca","details":{}},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
43	800d271d-660f-570d-9fd6-b027640fb478	idic.interaction	13ad1c9b-63da-4a3a-b567-6ed3ac92804c	idic.trigger.detected.v1	{"specversion":"1.0","id":"800d271d-660f-570d-9fd6-b027640fb478","source":"/interaction-service","type":"idic.trigger.detected.v1","time":"2026-12-07T03:23:10.052177Z","subject":"13ad1c9b-63da-4a3a-b567-6ed3ac92804c","datacontenttype":"application/json","data":{"trigger_id":"first_purchase:13ad1c9b-63da-4a3a-b567-6ed3ac92804c","customer_id":"13ad1c9b-63da-4a3a-b567-6ed3ac92804c","kind":"first_purchase","occurred_at":"2026-03-14T10:00:00Z","interaction_id":"a35665bc-45f0-45ae-be3c-1ad776eb9180","details":{}},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
44	350d811b-88cf-53de-9a23-2f94f5fd54f8	idic.interaction	b4caf633-1739-41d9-80eb-409092bd7b01	idic.trigger.detected.v1	{"specversion":"1.0","id":"350d811b-88cf-53de-9a23-2f94f5fd54f8","source":"/interaction-service","type":"idic.trigger.detected.v1","time":"2026-12-07T03:23:10.052196Z","subject":"b4caf633-1739-41d9-80eb-409092bd7b01","datacontenttype":"application/json","data":{"trigger_id":"first_purchase:b4caf633-1739-41d9-80eb-409092bd7b01","customer_id":"b4caf633-1739-41d9-80eb-409092bd7b01","kind":"first_purchase","occurred_at":"2026-03-22T10:00:00Z","interaction_id":"cb50c359-5970-4faa-83dd-e64ec0c67085","details":{}},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
45	6952b441-33af-599f-8918-7466637e156b	idic.interaction	14d8bff5-ec73-4dd4-baaa-59e513562275	idic.trigger.detected.v1	{"specversion":"1.0","id":"6952b441-33af-599f-8918-7466637e156b","source":"/interaction-service","type":"idic.trigger.detected.v1","time":"2026-12-07T03:23:10.052211Z","subject":"14d8bff5-ec73-4dd4-baaa-59e513562275","datacontenttype":"application/json","data":{"trigger_id":"first_purchase:14d8bff5-ec73-4dd4-baaa-59e513562275","customer_id":"14d8bff5-ec73-4dd4-baaa-59e513562275","kind":"first_purchase","occurred_at":"2026-03-25T10:00:00Z","interaction_id":"f41e1dbd-ddd6-4eb4-8c81-430edc04c598","details":{}},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
46	77e92d5e-4e7d-51bb-9a96-2b0e503c862a	idic.interaction	08830ee0-5e42-4aca-a818-7e709d2dfc6f	idic.trigger.detected.v1	{"specversion":"1.0","id":"77e92d5e-4e7d-51bb-9a96-2b0e503c862a","source":"/interaction-service","type":"idic.trigger.detected.v1","time":"2026-12-07T03:23:10.052225Z","subject":"08830ee0-5e42-4aca-a818-7e709d2dfc6f","datacontenttype":"application/json","data":{"trigger_id":"first_purchase:08830ee0-5e42-4aca-a818-7e709d2dfc6f","customer_id":"08830ee0-5e42-4aca-a818-7e709d2dfc6f","kind":"first_purchase","occurred_at":"2026-03-28T10:00:00Z","interaction_id":"27f2b99f-20f9-49e0-850c-9f7bb0f918a4","details":{}},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
47	52d60a45-0a8a-5bce-ab50-bfafce7fef68	idic.interaction	3c8de731-5f16-48b6-ba14-3ad29d654f63	idic.trigger.detected.v1	{"specversion":"1.0","id":"52d60a45-0a8a-5bce-ab50-bfafce7fef68","source":"/interaction-service","type":"idic.trigger.detected.v1","time":"2026-12-07T03:23:10.052244Z","subject":"3c8de731-5f16-48b6-ba14-3ad29d654f63","datacontenttype":"application/json","data":{"trigger_id":"first_purchase:3c8de731-5f16-48b6-ba14-3ad29d654f63","customer_id":"3c8de731-5f16-48b6-ba14-3ad29d654f63","kind":"first_purchase","occurred_at":"2026-03-31T10:00:00Z","interaction_id":"a4ef8fb3-5f8c-4089-a239-6f83a0f6edc7","details":{}},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
51	9e5f7ec8-5638-5bc3-ba03-646fad8c4d8a	idic.interaction	2a2813b2-d08f-41d5-87ff-045bacb126fc	idic.trigger.detected.v1	{"specversion":"1.0","id":"9e5f7ec8-5638-5bc3-ba03-646fad8c4d8a","source":"/interaction-service","type":"idic.trigger.detected.v1","time":"2026-12-07T03:23:10.052309Z","subject":"2a2813b2-d08f-41d5-87ff-045bacb126fc","datacontenttype":"application/json","data":{"trigger_id":"first_purchase:2a2813b2-d08f-41d5-87ff-045bacb126fc","customer_id":"2a2813b2-d08f-41d5-87ff-045bacb126fc","kind":"first_purchase","occurred_at":"2026-04-09T10:00:00Z","interaction_id":"622fdef5-5066-42d5-babc-07ce6f44d48d","details":{}},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
52	be3f4044-54cc-53e8-977e-4f4cb3e556ef	idic.interaction	8825eae8-081f-4a92-8bd7-938f73c0273a	idic.trigger.detected.v1	{"specversion":"1.0","id":"be3f4044-54cc-53e8-977e-4f4cb3e556ef","source":"/interaction-service","type":"idic.trigger.detected.v1","time":"2026-12-07T03:23:10.052323Z","subject":"8825eae8-081f-4a92-8bd7-938f73c0273a","datacontenttype":"application/json","data":{"trigger_id":"first_purchase:8825eae8-081f-4a92-8bd7-938f73c0273a","customer_id":"8825eae8-081f-4a92-8bd7-938f73c0273a","kind":"first_purchase","occurred_at":"2026-04-12T10:00:00Z","interaction_id":"5cfa020d-52a1-4739-8cc1-2ab348964b77","details":{}},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
53	d0c41998-8470-5962-9221-a8b9d5354812	idic.interaction	293e9a25-9fe1-4484-84be-068ae33ff875	idic.trigger.detected.v1	{"specversion":"1.0","id":"d0c41998-8470-5962-9221-a8b9d5354812","source":"/interaction-service","type":"idic.trigger.detected.v1","time":"2026-12-07T03:23:10.052337Z","subject":"293e9a25-9fe1-4484-84be-068ae33ff875","datacontenttype":"application/json","data":{"trigger_id":"first_purchase:293e9a25-9fe1-4484-84be-068ae33ff875","customer_id":"293e9a25-9fe1-4484-84be-068ae33ff875","kind":"first_purchase","occurred_at":"2026-04-15T10:00:00Z","interaction_id":"5b2a5c10-e904-45b8-ae92-db3d963099da","details":{}},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
54	930d30b7-e426-5bf0-81ae-99f86089ff3c	idic.interaction	dc992601-4056-4010-93c7-a04f3576c35d	idic.trigger.detected.v1	{"specversion":"1.0","id":"930d30b7-e426-5bf0-81ae-99f86089ff3c","source":"/interaction-service","type":"idic.trigger.detected.v1","time":"2026-12-07T03:23:10.052352Z","subject":"dc992601-4056-4010-93c7-a04f3576c35d","datacontenttype":"application/json","data":{"trigger_id":"first_purchase:dc992601-4056-4010-93c7-a04f3576c35d","customer_id":"dc992601-4056-4010-93c7-a04f3576c35d","kind":"first_purchase","occurred_at":"2026-04-18T10:00:00Z","interaction_id":"c909685a-2c9a-4005-a703-f9407c50ce92","details":{}},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
55	a481f079-799d-5333-aa77-ab9aca6e429c	idic.interaction	13ad1c9b-63da-4a3a-b567-6ed3ac92804c	idic.trigger.detected.v1	{"specversion":"1.0","id":"a481f079-799d-5333-aa77-ab9aca6e429c","source":"/interaction-service","type":"idic.trigger.detected.v1","time":"2026-12-07T03:23:10.052365Z","subject":"13ad1c9b-63da-4a3a-b567-6ed3ac92804c","datacontenttype":"application/json","data":{"trigger_id":"complaint:08d44563-bf9d-4371-9319-f104c0d7d4e0","customer_id":"13ad1c9b-63da-4a3a-b567-6ed3ac92804c","kind":"complaint","occurred_at":"2026-08-01T10:00:00Z","interaction_id":"08d44563-bf9d-4371-9319-f104c0d7d4e0","details":{}},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
56	14218b4d-9bd3-501f-803f-aeee43b56361	idic.interaction	13ad1c9b-63da-4a3a-b567-6ed3ac92804c	idic.trigger.detected.v1	{"specversion":"1.0","id":"14218b4d-9bd3-501f-803f-aeee43b56361","source":"/interaction-service","type":"idic.trigger.detected.v1","time":"2026-12-07T03:23:10.052380Z","subject":"13ad1c9b-63da-4a3a-b567-6ed3ac92804c","datacontenttype":"application/json","data":{"trigger_id":"detractor:5afe1428-0759-420e-a935-d0a4220d9d8b","customer_id":"13ad1c9b-63da-4a3a-b567-6ed3ac92804c","kind":"detractor","occurred_at":"2026-08-02T10:00:00Z","interaction_id":"5afe1428-0759-420e-a935-d0a4220d9d8b","details":{"nps":3}},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
57	304762be-6e78-564e-8eea-53b19d5b0188	idic.interaction	a923d3a6-a118-4f77-8703-c62592d91078	idic.trigger.detected.v1	{"specversion":"1.0","id":"304762be-6e78-564e-8eea-53b19d5b0188","source":"/interaction-service","type":"idic.trigger.detected.v1","time":"2026-12-07T03:23:10.052397Z","subject":"a923d3a6-a118-4f77-8703-c62592d91078","datacontenttype":"application/json","data":{"trigger_id":"first_purchase:a923d3a6-a118-4f77-8703-c62592d91078","customer_id":"a923d3a6-a118-4f77-8703-c62592d91078","kind":"first_purchase","occurred_at":"2026-08-29T10:00:00Z","interaction_id":"e76c0603-3979-4a22-b467-6c718cb19959","details":{}},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
58	f328cfd1-1f27-5139-a372-42c58b86283c	idic.interaction	97068038-88a0-4fa2-b501-38e3f7c00a98	idic.trigger.detected.v1	{"specversion":"1.0","id":"f328cfd1-1f27-5139-a372-42c58b86283c","source":"/interaction-service","type":"idic.trigger.detected.v1","time":"2026-12-07T03:23:10.052410Z","subject":"97068038-88a0-4fa2-b501-38e3f7c00a98","datacontenttype":"application/json","data":{"trigger_id":"first_purchase:97068038-88a0-4fa2-b501-38e3f7c00a98","customer_id":"97068038-88a0-4fa2-b501-38e3f7c00a98","kind":"first_purchase","occurred_at":"2026-09-18T10:00:00Z","interaction_id":"9fef65a5-4c75-4d46-b761-250ca36a7ee6","details":{}},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
59	ed7b6835-cbfa-5568-a470-d69f7ee86448	idic.interaction	fa9866ab-bd1e-4869-aabd-0dd58680d87e	idic.trigger.detected.v1	{"specversion":"1.0","id":"ed7b6835-cbfa-5568-a470-d69f7ee86448","source":"/interaction-service","type":"idic.trigger.detected.v1","time":"2026-12-07T03:23:10.052425Z","subject":"fa9866ab-bd1e-4869-aabd-0dd58680d87e","datacontenttype":"application/json","data":{"trigger_id":"first_purchase:fa9866ab-bd1e-4869-aabd-0dd58680d87e","customer_id":"fa9866ab-bd1e-4869-aabd-0dd58680d87e","kind":"first_purchase","occurred_at":"2026-09-28T10:00:00Z","interaction_id":"fda88ebe-59ff-498e-bead-49476c33d26f","details":{}},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
60	30e1be35-98de-50a5-90c1-b1f7d2ccaa05	idic.interaction	c2ee74f2-5e8c-4433-ae84-ae4a56967308	idic.trigger.detected.v1	{"specversion":"1.0","id":"30e1be35-98de-50a5-90c1-b1f7d2ccaa05","source":"/interaction-service","type":"idic.trigger.detected.v1","time":"2026-12-07T03:23:10.052438Z","subject":"c2ee74f2-5e8c-4433-ae84-ae4a56967308","datacontenttype":"application/json","data":{"trigger_id":"first_purchase:c2ee74f2-5e8c-4433-ae84-ae4a56967308","customer_id":"c2ee74f2-5e8c-4433-ae84-ae4a56967308","kind":"first_purchase","occurred_at":"2026-10-08T10:00:00Z","interaction_id":"49096e55-7348-4e1c-bb53-d5c6d0389dfb","details":{}},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:10.052479+00	2026-12-07 03:23:10.234921+00
61	4dd408af-1a4b-4c5b-830c-7a4f4c70ed63	idic.interaction	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	idic.interaction.recorded.v1	{"specversion":"1.0","id":"4dd408af-1a4b-4c5b-830c-7a4f4c70ed63","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:18.786925Z","subject":"89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5","datacontenttype":"application/json","data":{"interaction_id":"6e0e7f73-f8e7-450f-90de-14ff507c613e","customer_id":"89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5","channel":"web","type":"treatment","direction":"outbound","occurred_at":"2026-12-07T03:23:18.666512Z","amount":null,"currency":null,"cost":null,"treatment_id":"074c4c6c-e1d1-4fb5-8a40-60a7a3d43a90","nps":null,"csat":null,"life_event":null,"category":null}}	2026-12-07 03:23:18.837891+00	2026-12-07 03:23:18.863956+00
62	eb93f1ad-9221-475c-8d47-23ff25b079eb	idic.interaction	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	idic.interaction.recorded.v1	{"specversion":"1.0","id":"eb93f1ad-9221-475c-8d47-23ff25b079eb","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:18.829845Z","subject":"89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5","datacontenttype":"application/json","data":{"interaction_id":"76536069-23ce-4777-8f17-0b02142ed1a1","customer_id":"89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5","channel":"email","type":"treatment","direction":"outbound","occurred_at":"2026-12-07T03:23:18.666512Z","amount":null,"currency":null,"cost":null,"treatment_id":"ed45a076-41a2-4804-a071-61bf5e31afb0","nps":null,"csat":null,"life_event":null,"category":null}}	2026-12-07 03:23:18.837891+00	2026-12-07 03:23:18.863956+00
63	df326395-6525-4056-8e34-947b9bf6aa07	idic.interaction	13ad1c9b-63da-4a3a-b567-6ed3ac92804c	idic.interaction.recorded.v1	{"specversion":"1.0","id":"df326395-6525-4056-8e34-947b9bf6aa07","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:18.868610Z","subject":"13ad1c9b-63da-4a3a-b567-6ed3ac92804c","datacontenttype":"application/json","data":{"interaction_id":"cc2866f6-ccc5-4639-9344-e3d4de822a2f","customer_id":"13ad1c9b-63da-4a3a-b567-6ed3ac92804c","channel":"email","type":"treatment","direction":"outbound","occurred_at":"2026-12-07T03:23:18.749292Z","amount":null,"currency":null,"cost":null,"treatment_id":"c7cf375b-a6b6-469e-8b19-3478367f5cdd","nps":null,"csat":null,"life_event":null,"category":null}}	2026-12-07 03:23:18.87124+00	2026-12-07 03:23:18.921362+00
64	8ba5567e-9799-4ee9-a1ce-70cc0b68a8df	idic.interaction	97068038-88a0-4fa2-b501-38e3f7c00a98	idic.interaction.recorded.v1	{"specversion":"1.0","id":"8ba5567e-9799-4ee9-a1ce-70cc0b68a8df","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:18.906122Z","subject":"97068038-88a0-4fa2-b501-38e3f7c00a98","datacontenttype":"application/json","data":{"interaction_id":"d47f4cdc-6334-4671-bcc7-56b14ae1be98","customer_id":"97068038-88a0-4fa2-b501-38e3f7c00a98","channel":"web","type":"treatment","direction":"outbound","occurred_at":"2026-12-07T03:23:18.821477Z","amount":null,"currency":null,"cost":null,"treatment_id":"6b5b032e-ade8-4f17-9102-104ec7aa1c1a","nps":null,"csat":null,"life_event":null,"category":null}}	2026-12-07 03:23:19.067999+00	2026-12-07 03:23:19.148352+00
65	2fe2f7ee-9015-477b-81a5-da0ab25570f1	idic.interaction	97068038-88a0-4fa2-b501-38e3f7c00a98	idic.interaction.recorded.v1	{"specversion":"1.0","id":"2fe2f7ee-9015-477b-81a5-da0ab25570f1","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:18.938666Z","subject":"97068038-88a0-4fa2-b501-38e3f7c00a98","datacontenttype":"application/json","data":{"interaction_id":"07af155b-ff6f-4cf0-ad1a-6d7ecba39e29","customer_id":"97068038-88a0-4fa2-b501-38e3f7c00a98","channel":"email","type":"treatment","direction":"outbound","occurred_at":"2026-12-07T03:23:18.821477Z","amount":null,"currency":null,"cost":null,"treatment_id":"38a59278-1721-4aab-95bf-2b0aa2a5be3b","nps":null,"csat":null,"life_event":null,"category":null}}	2026-12-07 03:23:19.067999+00	2026-12-07 03:23:19.148352+00
66	eea005ca-0b56-4db7-8876-6ba77fa7e663	idic.interaction	97068038-88a0-4fa2-b501-38e3f7c00a98	idic.interaction.recorded.v1	{"specversion":"1.0","id":"eea005ca-0b56-4db7-8876-6ba77fa7e663","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:19.038543Z","subject":"97068038-88a0-4fa2-b501-38e3f7c00a98","datacontenttype":"application/json","data":{"interaction_id":"e409ea01-bde0-4c24-8503-8ff78b666c14","customer_id":"97068038-88a0-4fa2-b501-38e3f7c00a98","channel":"email","type":"treatment","direction":"outbound","occurred_at":"2026-12-07T03:23:18.821477Z","amount":null,"currency":null,"cost":null,"treatment_id":"efa96d20-5404-40c7-9a92-b8de59c3ff6b","nps":null,"csat":null,"life_event":null,"category":null}}	2026-12-07 03:23:19.067999+00	2026-12-07 03:23:19.148352+00
71	709efeb0-6a33-44f6-9e75-00c8435665a5	idic.interaction	fa9866ab-bd1e-4869-aabd-0dd58680d87e	idic.interaction.recorded.v1	{"specversion":"1.0","id":"709efeb0-6a33-44f6-9e75-00c8435665a5","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:19.222096Z","subject":"fa9866ab-bd1e-4869-aabd-0dd58680d87e","datacontenttype":"application/json","data":{"interaction_id":"36884a5f-6078-4266-a995-87d06ead9598","customer_id":"fa9866ab-bd1e-4869-aabd-0dd58680d87e","channel":"web","type":"purchase","direction":"inbound","occurred_at":"2026-12-07T03:23:19.177229Z","amount":"42.00","currency":"EUR","cost":null,"treatment_id":null,"nps":null,"csat":null,"life_event":null,"category":null},"requestid":"4322dae1-6a2b-4a59-9a1c-0a97819e73bd"}	2026-12-07 03:23:19.253751+00	2026-12-07 03:23:19.322759+00
73	7f818c89-654f-4f89-ba99-c6d16946ff96	idic.interaction	fa9866ab-bd1e-4869-aabd-0dd58680d87e	idic.interaction.recorded.v1	{"specversion":"1.0","id":"7f818c89-654f-4f89-ba99-c6d16946ff96","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:19.411208Z","subject":"fa9866ab-bd1e-4869-aabd-0dd58680d87e","datacontenttype":"application/json","data":{"interaction_id":"63a80794-94a9-4549-826d-f3ced76ce48d","customer_id":"fa9866ab-bd1e-4869-aabd-0dd58680d87e","channel":"email","type":"offer_response","direction":"inbound","occurred_at":"2026-12-07T03:23:19.335526Z","amount":null,"currency":null,"cost":null,"treatment_id":"5597ba25-c348-457c-a6cb-5242b2fd6e7b","nps":null,"csat":null,"life_event":null,"category":null}}	2026-12-07 03:23:19.417927+00	2026-12-07 03:23:19.476809+00
67	37e1dd7c-9018-46f9-a666-359c68037594	idic.interaction	fa9866ab-bd1e-4869-aabd-0dd58680d87e	idic.interaction.recorded.v1	{"specversion":"1.0","id":"37e1dd7c-9018-46f9-a666-359c68037594","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:19.174220Z","subject":"fa9866ab-bd1e-4869-aabd-0dd58680d87e","datacontenttype":"application/json","data":{"interaction_id":"fb45a651-b6ba-47d4-a0b1-dbe602411a87","customer_id":"fa9866ab-bd1e-4869-aabd-0dd58680d87e","channel":"email","type":"treatment","direction":"outbound","occurred_at":"2026-12-07T03:23:18.956260Z","amount":null,"currency":null,"cost":null,"treatment_id":"5597ba25-c348-457c-a6cb-5242b2fd6e7b","nps":null,"csat":null,"life_event":null,"category":null}}	2026-12-07 03:23:19.212783+00	2026-12-07 03:23:19.277481+00
68	df8ce892-e1b0-4164-9a49-58f3af619545	idic.interaction	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	idic.interaction.recorded.v1	{"specversion":"1.0","id":"df8ce892-e1b0-4164-9a49-58f3af619545","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:19.190895Z","subject":"89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5","datacontenttype":"application/json","data":{"interaction_id":"7fe798ca-c5c0-42f7-9d11-2437d9be4eff","customer_id":"89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5","channel":"web","type":"offer_response","direction":"inbound","occurred_at":"2026-12-07T03:23:18.996381Z","amount":null,"currency":null,"cost":null,"treatment_id":"074c4c6c-e1d1-4fb5-8a40-60a7a3d43a90","nps":null,"csat":null,"life_event":null,"category":null}}	2026-12-07 03:23:19.212783+00	2026-12-07 03:23:19.277481+00
69	753a15e6-4c23-40e8-aefc-8dfc9485e5b3	idic.interaction	13ad1c9b-63da-4a3a-b567-6ed3ac92804c	idic.interaction.recorded.v1	{"specversion":"1.0","id":"753a15e6-4c23-40e8-aefc-8dfc9485e5b3","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:19.199658Z","subject":"13ad1c9b-63da-4a3a-b567-6ed3ac92804c","datacontenttype":"application/json","data":{"interaction_id":"6a27f2a3-5977-4ecf-9106-26c48b918132","customer_id":"13ad1c9b-63da-4a3a-b567-6ed3ac92804c","channel":"email","type":"offer_response","direction":"inbound","occurred_at":"2026-12-07T03:23:19.043488Z","amount":null,"currency":null,"cost":null,"treatment_id":"c7cf375b-a6b6-469e-8b19-3478367f5cdd","nps":null,"csat":null,"life_event":null,"category":null}}	2026-12-07 03:23:19.212783+00	2026-12-07 03:23:19.277481+00
70	39b7d02b-c471-46ce-8caf-361aad23ec24	idic.interaction	97068038-88a0-4fa2-b501-38e3f7c00a98	idic.interaction.recorded.v1	{"specversion":"1.0","id":"39b7d02b-c471-46ce-8caf-361aad23ec24","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:19.210154Z","subject":"97068038-88a0-4fa2-b501-38e3f7c00a98","datacontenttype":"application/json","data":{"interaction_id":"cc62c055-49ae-4870-a06d-c47ac2e5e2f8","customer_id":"97068038-88a0-4fa2-b501-38e3f7c00a98","channel":"web","type":"offer_response","direction":"inbound","occurred_at":"2026-12-07T03:23:19.083458Z","amount":null,"currency":null,"cost":null,"treatment_id":"6b5b032e-ade8-4f17-9102-104ec7aa1c1a","nps":null,"csat":null,"life_event":null,"category":null}}	2026-12-07 03:23:19.212783+00	2026-12-07 03:23:19.277481+00
72	03635621-d6d3-4d27-8243-9b80c6786400	idic.interaction	fa9866ab-bd1e-4869-aabd-0dd58680d87e	idic.interaction.recorded.v1	{"specversion":"1.0","id":"03635621-d6d3-4d27-8243-9b80c6786400","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:19.310478Z","subject":"fa9866ab-bd1e-4869-aabd-0dd58680d87e","datacontenttype":"application/json","data":{"interaction_id":"d9269f65-4ee4-465f-88e3-3f2393150730","customer_id":"fa9866ab-bd1e-4869-aabd-0dd58680d87e","channel":"email","type":"offer_response","direction":"inbound","occurred_at":"2026-12-07T03:23:19.119063Z","amount":null,"currency":null,"cost":null,"treatment_id":"5597ba25-c348-457c-a6cb-5242b2fd6e7b","nps":null,"csat":null,"life_event":null,"category":null}}	2026-12-07 03:23:19.327614+00	2026-12-07 03:23:19.365402+00
74	060856f7-a33d-428e-b137-8e999ce792bf	idic.interaction	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	idic.interaction.recorded.v1	{"specversion":"1.0","id":"060856f7-a33d-428e-b137-8e999ce792bf","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:24.403200Z","subject":"89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5","datacontenttype":"application/json","data":{"interaction_id":"2bdbfe66-3c3f-4dd1-9e55-99c14101d5a1","customer_id":"89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5","channel":"web","type":"treatment","direction":"outbound","occurred_at":"2026-12-07T03:23:24.356750Z","amount":null,"currency":null,"cost":null,"treatment_id":"0fe90d9d-8f8c-4577-9ad6-4a45e8d3e6e9","nps":null,"csat":null,"life_event":null,"category":null}}	2026-12-07 03:23:24.406142+00	2026-12-07 03:23:24.422581+00
75	d3fea67e-12a3-4558-8991-4a4b8776a4e4	idic.interaction	13ad1c9b-63da-4a3a-b567-6ed3ac92804c	idic.interaction.recorded.v1	{"specversion":"1.0","id":"d3fea67e-12a3-4558-8991-4a4b8776a4e4","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:24.506974Z","subject":"13ad1c9b-63da-4a3a-b567-6ed3ac92804c","datacontenttype":"application/json","data":{"interaction_id":"9f427411-cec4-4ef7-9b6b-137f8e19d7f1","customer_id":"13ad1c9b-63da-4a3a-b567-6ed3ac92804c","channel":"email","type":"treatment","direction":"outbound","occurred_at":"2026-12-07T03:23:24.479885Z","amount":null,"currency":null,"cost":null,"treatment_id":"18169775-fe40-4d45-b514-60006e6dd84b","nps":null,"csat":null,"life_event":null,"category":null}}	2026-12-07 03:23:24.512125+00	2026-12-07 03:23:24.53895+00
76	f142440d-647c-4df8-a80c-072976995f9f	idic.interaction	fa9866ab-bd1e-4869-aabd-0dd58680d87e	idic.interaction.recorded.v1	{"specversion":"1.0","id":"f142440d-647c-4df8-a80c-072976995f9f","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:24.681839Z","subject":"fa9866ab-bd1e-4869-aabd-0dd58680d87e","datacontenttype":"application/json","data":{"interaction_id":"a4dd40c9-dbd0-45d7-9309-fc0dc30b00ed","customer_id":"fa9866ab-bd1e-4869-aabd-0dd58680d87e","channel":"web","type":"treatment","direction":"outbound","occurred_at":"2026-12-07T03:23:24.647193Z","amount":null,"currency":null,"cost":null,"treatment_id":"559903f4-8595-4be7-9136-7241c0735c7f","nps":null,"csat":null,"life_event":null,"category":null}}	2026-12-07 03:23:24.690918+00	2026-12-07 03:23:24.712693+00
78	0e6c5ccb-26ea-4b76-838d-af8be04a1fc2	idic.interaction	c2ee74f2-5e8c-4433-ae84-ae4a56967308	idic.interaction.recorded.v1	{"specversion":"1.0","id":"0e6c5ccb-26ea-4b76-838d-af8be04a1fc2","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:24.878982Z","subject":"c2ee74f2-5e8c-4433-ae84-ae4a56967308","datacontenttype":"application/json","data":{"interaction_id":"04f2dac7-da0a-45b8-a37b-9cbe35fe5cb0","customer_id":"c2ee74f2-5e8c-4433-ae84-ae4a56967308","channel":"web","type":"treatment","direction":"outbound","occurred_at":"2026-12-07T03:23:24.838139Z","amount":null,"currency":null,"cost":null,"treatment_id":"a91e1d84-e201-4846-9e34-030b104fc120","nps":null,"csat":null,"life_event":null,"category":null}}	2026-12-07 03:23:24.891587+00	2026-12-07 03:23:24.925181+00
77	5ab6bfe1-bbe9-470a-afa4-25efdc4b97b9	idic.interaction	fa9866ab-bd1e-4869-aabd-0dd58680d87e	idic.interaction.recorded.v1	{"specversion":"1.0","id":"5ab6bfe1-bbe9-470a-afa4-25efdc4b97b9","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:24.688537Z","subject":"fa9866ab-bd1e-4869-aabd-0dd58680d87e","datacontenttype":"application/json","data":{"interaction_id":"02077574-125d-4d10-845d-2847a66c6d3c","customer_id":"fa9866ab-bd1e-4869-aabd-0dd58680d87e","channel":"email","type":"treatment","direction":"outbound","occurred_at":"2026-12-07T03:23:24.647193Z","amount":null,"currency":null,"cost":null,"treatment_id":"c69a4aaf-a0a6-46be-ba29-7746a509a736","nps":null,"csat":null,"life_event":null,"category":null}}	2026-12-07 03:23:24.690918+00	2026-12-07 03:23:24.712693+00
79	c8c7b13b-66ae-4061-b317-0d0fc046f995	idic.interaction	c2ee74f2-5e8c-4433-ae84-ae4a56967308	idic.interaction.recorded.v1	{"specversion":"1.0","id":"c8c7b13b-66ae-4061-b317-0d0fc046f995","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:24.883272Z","subject":"c2ee74f2-5e8c-4433-ae84-ae4a56967308","datacontenttype":"application/json","data":{"interaction_id":"057a5ccc-5469-4c54-98b1-ec56543e18ab","customer_id":"c2ee74f2-5e8c-4433-ae84-ae4a56967308","channel":"email","type":"treatment","direction":"outbound","occurred_at":"2026-12-07T03:23:24.838139Z","amount":null,"currency":null,"cost":null,"treatment_id":"e576b4d2-5f25-4a73-9246-e326240ac66b","nps":null,"csat":null,"life_event":null,"category":null}}	2026-12-07 03:23:24.891587+00	2026-12-07 03:23:24.925181+00
80	62e2a869-437e-4207-9be7-1da83e6eac4e	idic.interaction	c2ee74f2-5e8c-4433-ae84-ae4a56967308	idic.interaction.recorded.v1	{"specversion":"1.0","id":"62e2a869-437e-4207-9be7-1da83e6eac4e","source":"/interaction-service","type":"idic.interaction.recorded.v1","time":"2026-12-07T03:23:24.887935Z","subject":"c2ee74f2-5e8c-4433-ae84-ae4a56967308","datacontenttype":"application/json","data":{"interaction_id":"bbb66f89-e1b4-4c47-b5ce-2b0410e09da5","customer_id":"c2ee74f2-5e8c-4433-ae84-ae4a56967308","channel":"email","type":"treatment","direction":"outbound","occurred_at":"2026-12-07T03:23:24.838139Z","amount":null,"currency":null,"cost":null,"treatment_id":"d5ecfa98-c90d-4de7-afa9-908b203cc40a","nps":null,"csat":null,"life_event":null,"category":null}}	2026-12-07 03:23:24.891587+00	2026-12-07 03:23:24.925181+00
\.


--
-- Data for Name: pending_keys; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.pending_keys (identifier_key, interaction_id) FROM stdin;
\.


--
-- Data for Name: triggers; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.triggers (id, customer_id, kind, occurred_at, interaction_id, details, detected_at) FROM stdin;
first_purchase:89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	first_purchase	2026-03-02 10:00:00+00	fe9c42ce-d2c4-414b-b860-3f248edfc5ca	{}	2026-12-07 03:23:09.979881+00
first_purchase:13ad1c9b-63da-4a3a-b567-6ed3ac92804c	13ad1c9b-63da-4a3a-b567-6ed3ac92804c	first_purchase	2026-03-14 10:00:00+00	a35665bc-45f0-45ae-be3c-1ad776eb9180	{}	2026-12-07 03:23:09.979881+00
first_purchase:b4caf633-1739-41d9-80eb-409092bd7b01	b4caf633-1739-41d9-80eb-409092bd7b01	first_purchase	2026-03-22 10:00:00+00	cb50c359-5970-4faa-83dd-e64ec0c67085	{}	2026-12-07 03:23:09.979881+00
first_purchase:14d8bff5-ec73-4dd4-baaa-59e513562275	14d8bff5-ec73-4dd4-baaa-59e513562275	first_purchase	2026-03-25 10:00:00+00	f41e1dbd-ddd6-4eb4-8c81-430edc04c598	{}	2026-12-07 03:23:09.979881+00
first_purchase:08830ee0-5e42-4aca-a818-7e709d2dfc6f	08830ee0-5e42-4aca-a818-7e709d2dfc6f	first_purchase	2026-03-28 10:00:00+00	27f2b99f-20f9-49e0-850c-9f7bb0f918a4	{}	2026-12-07 03:23:09.979881+00
first_purchase:3c8de731-5f16-48b6-ba14-3ad29d654f63	3c8de731-5f16-48b6-ba14-3ad29d654f63	first_purchase	2026-03-31 10:00:00+00	a4ef8fb3-5f8c-4089-a239-6f83a0f6edc7	{}	2026-12-07 03:23:09.979881+00
first_purchase:d958b57f-4153-45fd-b447-b2834ebb92c6	d958b57f-4153-45fd-b447-b2834ebb92c6	first_purchase	2026-04-03 10:00:00+00	e51e14b8-938c-4ed2-899e-6364be57f188	{}	2026-12-07 03:23:09.979881+00
first_purchase:4d05237e-6358-4bba-98cd-0790904b9ea7	4d05237e-6358-4bba-98cd-0790904b9ea7	first_purchase	2026-04-06 10:00:00+00	e9e46d7b-c8c5-448e-aeb0-eeddd3928baa	{}	2026-12-07 03:23:09.979881+00
first_purchase:2a2813b2-d08f-41d5-87ff-045bacb126fc	2a2813b2-d08f-41d5-87ff-045bacb126fc	first_purchase	2026-04-09 10:00:00+00	622fdef5-5066-42d5-babc-07ce6f44d48d	{}	2026-12-07 03:23:09.979881+00
first_purchase:8825eae8-081f-4a92-8bd7-938f73c0273a	8825eae8-081f-4a92-8bd7-938f73c0273a	first_purchase	2026-04-12 10:00:00+00	5cfa020d-52a1-4739-8cc1-2ab348964b77	{}	2026-12-07 03:23:09.979881+00
first_purchase:293e9a25-9fe1-4484-84be-068ae33ff875	293e9a25-9fe1-4484-84be-068ae33ff875	first_purchase	2026-04-15 10:00:00+00	5b2a5c10-e904-45b8-ae92-db3d963099da	{}	2026-12-07 03:23:09.979881+00
first_purchase:dc992601-4056-4010-93c7-a04f3576c35d	dc992601-4056-4010-93c7-a04f3576c35d	first_purchase	2026-04-18 10:00:00+00	c909685a-2c9a-4005-a703-f9407c50ce92	{}	2026-12-07 03:23:09.979881+00
complaint:08d44563-bf9d-4371-9319-f104c0d7d4e0	13ad1c9b-63da-4a3a-b567-6ed3ac92804c	complaint	2026-08-01 10:00:00+00	08d44563-bf9d-4371-9319-f104c0d7d4e0	{}	2026-12-07 03:23:09.979881+00
detractor:5afe1428-0759-420e-a935-d0a4220d9d8b	13ad1c9b-63da-4a3a-b567-6ed3ac92804c	detractor	2026-08-02 10:00:00+00	5afe1428-0759-420e-a935-d0a4220d9d8b	{"nps": 3}	2026-12-07 03:23:09.979881+00
first_purchase:a923d3a6-a118-4f77-8703-c62592d91078	a923d3a6-a118-4f77-8703-c62592d91078	first_purchase	2026-08-29 10:00:00+00	e76c0603-3979-4a22-b467-6c718cb19959	{}	2026-12-07 03:23:09.979881+00
first_purchase:97068038-88a0-4fa2-b501-38e3f7c00a98	97068038-88a0-4fa2-b501-38e3f7c00a98	first_purchase	2026-09-18 10:00:00+00	9fef65a5-4c75-4d46-b761-250ca36a7ee6	{}	2026-12-07 03:23:09.979881+00
first_purchase:fa9866ab-bd1e-4869-aabd-0dd58680d87e	fa9866ab-bd1e-4869-aabd-0dd58680d87e	first_purchase	2026-09-28 10:00:00+00	fda88ebe-59ff-498e-bead-49476c33d26f	{}	2026-12-07 03:23:09.979881+00
first_purchase:c2ee74f2-5e8c-4433-ae84-ae4a56967308	c2ee74f2-5e8c-4433-ae84-ae4a56967308	first_purchase	2026-10-08 10:00:00+00	49096e55-7348-4e1c-bb53-d5c6d0389dfb	{}	2026-12-07 03:23:09.979881+00
first_purchase:9e187226-b2d4-4825-970c-847484bec3d5	fa9866ab-bd1e-4869-aabd-0dd58680d87e	first_purchase	2026-04-01 10:00:00+00	5872d3e6-4e9c-4067-8561-580a9dee35d8	{}	2026-12-07 03:23:09.979881+00
\.


--
-- Name: outbox_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.outbox_id_seq', 80, true);


--
-- Name: alembic_version alembic_version_pkc; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.alembic_version
    ADD CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num);


--
-- Name: customer_activity pk_customer_activity; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.customer_activity
    ADD CONSTRAINT pk_customer_activity PRIMARY KEY (customer_id);


--
-- Name: customer_aliases pk_customer_aliases; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.customer_aliases
    ADD CONSTRAINT pk_customer_aliases PRIMARY KEY (merged_id);


--
-- Name: customer_birthdays pk_customer_birthdays; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.customer_birthdays
    ADD CONSTRAINT pk_customer_birthdays PRIMARY KEY (customer_id);


--
-- Name: erasures pk_erasures; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.erasures
    ADD CONSTRAINT pk_erasures PRIMARY KEY (customer_id);


--
-- Name: identifier_links pk_identifier_links; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.identifier_links
    ADD CONSTRAINT pk_identifier_links PRIMARY KEY (identifier_key);


--
-- Name: inbox pk_inbox; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.inbox
    ADD CONSTRAINT pk_inbox PRIMARY KEY (event_id, consumer_group);


--
-- Name: interactions pk_interactions; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.interactions
    ADD CONSTRAINT pk_interactions PRIMARY KEY (id);


--
-- Name: jobs pk_jobs; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.jobs
    ADD CONSTRAINT pk_jobs PRIMARY KEY (job_id);


--
-- Name: outbox pk_outbox; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.outbox
    ADD CONSTRAINT pk_outbox PRIMARY KEY (id);


--
-- Name: pending_keys pk_pending_keys; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.pending_keys
    ADD CONSTRAINT pk_pending_keys PRIMARY KEY (identifier_key, interaction_id);


--
-- Name: triggers pk_triggers; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.triggers
    ADD CONSTRAINT pk_triggers PRIMARY KEY (id);


--
-- Name: interactions uq_interactions_client_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.interactions
    ADD CONSTRAINT uq_interactions_client_key UNIQUE (client_key);


--
-- Name: outbox uq_outbox_event_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.outbox
    ADD CONSTRAINT uq_outbox_event_id UNIQUE (event_id);


--
-- Name: ix_customer_aliases_survivor_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_customer_aliases_survivor_id ON public.customer_aliases USING btree (survivor_id);


--
-- Name: ix_customer_birthdays_month_day; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_customer_birthdays_month_day ON public.customer_birthdays USING btree (month_day);


--
-- Name: ix_identifier_links_customer_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_identifier_links_customer_id ON public.identifier_links USING btree (customer_id);


--
-- Name: ix_identifier_links_original_customer_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_identifier_links_original_customer_id ON public.identifier_links USING btree (original_customer_id);


--
-- Name: ix_interactions_customer_occurred; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_interactions_customer_occurred ON public.interactions USING btree (customer_id, occurred_at, id);


--
-- Name: ix_interactions_occurred_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_interactions_occurred_at ON public.interactions USING btree (occurred_at);


--
-- Name: ix_interactions_original_customer_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_interactions_original_customer_id ON public.interactions USING btree (original_customer_id);


--
-- Name: ix_jobs_kind_created_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_jobs_kind_created_at ON public.jobs USING btree (kind, created_at);


--
-- Name: ix_outbox_sent_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_outbox_sent_at ON public.outbox USING btree (sent_at);


--
-- Name: ix_outbox_unsent; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_outbox_unsent ON public.outbox USING btree (id) WHERE (sent_at IS NULL);


--
-- Name: ix_pending_keys_interaction_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_pending_keys_interaction_id ON public.pending_keys USING btree (interaction_id);


--
-- Name: ix_triggers_customer_occurred; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_triggers_customer_occurred ON public.triggers USING btree (customer_id, occurred_at);


--
-- Name: ix_triggers_kind; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_triggers_kind ON public.triggers USING btree (kind);


--
-- Name: uq_jobs_active_kind; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX uq_jobs_active_kind ON public.jobs USING btree (kind) WHERE ((status)::text = ANY ((ARRAY['queued'::character varying, 'running'::character varying])::text[]));


--
-- PostgreSQL database dump complete
--

\unrestrict mibs8WdhJEyQDlhTkOvlRmC79yvtwUp74gL1VUFNTNueSQ4PMyhYfQThYW0J7Rg

