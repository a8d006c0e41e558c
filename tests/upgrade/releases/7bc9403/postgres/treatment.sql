--
-- PostgreSQL database dump
--

\restrict 9ulSJb9ystvsehHmzqHpL0DL56M8Ngro1ONwjDz1JFDx29aNep5I2EgjTeqkrq7

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
-- Name: contact_policy; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contact_policy (
    id integer NOT NULL,
    max_contacts_per_channel integer NOT NULL,
    period_days integer NOT NULL,
    decline_cooldown_days integer NOT NULL,
    exclusive_kinds json NOT NULL,
    open_offer_days integer NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    updated_by character varying(200) NOT NULL
);


--
-- Name: contact_policy_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.contact_policy_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: contact_policy_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.contact_policy_id_seq OWNED BY public.contact_policy.id;


--
-- Name: customer_aliases; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.customer_aliases (
    merged_id character varying(255) NOT NULL,
    survivor_id character varying(255) NOT NULL,
    merged_at timestamp with time zone NOT NULL
);


--
-- Name: customer_contexts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.customer_contexts (
    customer_id character varying(128) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    tier character varying(32),
    clv_12m numeric(28,6),
    currency character varying(3),
    p_alive double precision,
    churn_risk double precision,
    rfm_segment character varying(64),
    frequency integer,
    monetary numeric(28,6),
    scored_at timestamp with time zone,
    interactions_count integer NOT NULL,
    purchases_count integer NOT NULL,
    channel_counts json NOT NULL,
    type_counts json NOT NULL,
    first_interaction_at timestamp with time zone,
    last_interaction_at timestamp with time zone,
    last_interaction_channel character varying(32),
    last_interaction_type character varying(64),
    last_purchase_at timestamp with time zone,
    recent_triggers json NOT NULL,
    consent json NOT NULL,
    segments json DEFAULT '[]'::json NOT NULL,
    birthday_month_day character varying(5),
    moved_at timestamp with time zone,
    activity json DEFAULT '{}'::json NOT NULL
);


--
-- Name: erasures; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.erasures (
    customer_id character varying(255) NOT NULL,
    erased_at timestamp with time zone NOT NULL
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
-- Name: propensities; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.propensities (
    action_id character varying(64) NOT NULL,
    segment character varying(64) NOT NULL,
    accepted integer NOT NULL,
    declined integer NOT NULL,
    ignored integer NOT NULL
);


--
-- Name: rule_versions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.rule_versions (
    seq bigint NOT NULL,
    rule_id character varying(64) NOT NULL,
    version integer NOT NULL,
    change character varying(16) NOT NULL,
    status character varying(16) NOT NULL,
    document json NOT NULL,
    changed_at timestamp with time zone NOT NULL,
    changed_by character varying(200) NOT NULL
);


--
-- Name: rule_versions_seq_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.rule_versions_seq_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: rule_versions_seq_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.rule_versions_seq_seq OWNED BY public.rule_versions.seq;


--
-- Name: rules; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.rules (
    rule_id character varying(64) NOT NULL,
    version integer NOT NULL,
    status character varying(16) NOT NULL,
    name character varying(200) NOT NULL,
    document json NOT NULL,
    created_at timestamp with time zone NOT NULL,
    created_by character varying(200) NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    updated_by character varying(200) NOT NULL
);


--
-- Name: treatments; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.treatments (
    id character varying(36) NOT NULL,
    customer_id character varying(128) NOT NULL,
    rule_id character varying(64) NOT NULL,
    rule_version integer NOT NULL,
    occurrence character varying(255) NOT NULL,
    action_id character varying(64) NOT NULL,
    kind character varying(32) NOT NULL,
    channel character varying(32),
    score double precision NOT NULL,
    reasons json NOT NULL,
    cause_event_id character varying(64),
    decided_at timestamp with time zone NOT NULL,
    outcome character varying(16),
    outcome_at timestamp with time zone,
    segment character varying(64),
    expires_at timestamp with time zone,
    attribution_until timestamp with time zone,
    delivered_at timestamp with time zone,
    accepted_at timestamp with time zone,
    control boolean DEFAULT false NOT NULL,
    amount numeric(28,6),
    currency character varying(3)
);


--
-- Name: webhook_deliveries; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.webhook_deliveries (
    id character varying(40) NOT NULL,
    webhook_id character varying(40) NOT NULL,
    event_id character varying(64) NOT NULL,
    event_type character varying(255) NOT NULL,
    customer_id character varying(128),
    body text,
    status character varying(16) NOT NULL,
    attempts integer NOT NULL,
    next_attempt_at timestamp with time zone,
    give_up_at timestamp with time zone NOT NULL,
    last_attempt_at timestamp with time zone,
    last_status_code integer,
    last_error character varying(500),
    created_at timestamp with time zone NOT NULL,
    delivered_at timestamp with time zone
);


--
-- Name: webhooks; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.webhooks (
    id character varying(40) NOT NULL,
    url character varying(2048) NOT NULL,
    events json NOT NULL,
    secret character varying(100) NOT NULL,
    description character varying(500),
    active boolean DEFAULT true NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL
);


--
-- Name: contact_policy id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contact_policy ALTER COLUMN id SET DEFAULT nextval('public.contact_policy_id_seq'::regclass);


--
-- Name: outbox id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.outbox ALTER COLUMN id SET DEFAULT nextval('public.outbox_id_seq'::regclass);


--
-- Name: rule_versions seq; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.rule_versions ALTER COLUMN seq SET DEFAULT nextval('public.rule_versions_seq_seq'::regclass);


--
-- Data for Name: alembic_version; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.alembic_version (version_num) FROM stdin;
0005_identities
\.


--
-- Data for Name: contact_policy; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.contact_policy (id, max_contacts_per_channel, period_days, decline_cooldown_days, exclusive_kinds, open_offer_days, updated_at, updated_by) FROM stdin;
1	3	7	30	["offer", "retention", "cross_sell", "upsell", "winback"]	14	2026-12-07 03:23:05.795814+00	system:seed
\.


--
-- Data for Name: customer_aliases; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.customer_aliases (merged_id, survivor_id, merged_at) FROM stdin;
9e187226-b2d4-4825-970c-847484bec3d5	fa9866ab-bd1e-4869-aabd-0dd58680d87e	2026-12-07 03:23:11.292927+00
\.


--
-- Data for Name: customer_contexts; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.customer_contexts (customer_id, created_at, updated_at, tier, clv_12m, currency, p_alive, churn_risk, rfm_segment, frequency, monetary, scored_at, interactions_count, purchases_count, channel_counts, type_counts, first_interaction_at, last_interaction_at, last_interaction_channel, last_interaction_type, last_purchase_at, recent_triggers, consent, segments, birthday_month_day, moved_at, activity) FROM stdin;
13ad1c9b-63da-4a3a-b567-6ed3ac92804c	2026-12-07 03:23:10.365616+00	2026-12-07 03:23:24.553981+00	maintain	34.470000	EUR	0.515502	0.4845	potential_loyalists	2	83.000000	2026-12-07 03:23:11.817139+00	7	2	{"web": 2, "phone": 1, "email": 4}	{"purchase": 2, "complaint": 1, "survey": 1, "treatment": 2, "offer_response": 1}	2026-03-14 10:00:00+00	2026-12-07 03:23:24.479885+00	email	treatment	2026-07-30 10:00:00+00	[{"trigger_id": "detractor:5afe1428-0759-420e-a935-d0a4220d9d8b", "kind": "detractor", "occurred_at": "2026-08-02T10:00:00+00:00", "interaction_id": "5afe1428-0759-420e-a935-d0a4220d9d8b"}, {"trigger_id": "complaint:08d44563-bf9d-4371-9319-f104c0d7d4e0", "kind": "complaint", "occurred_at": "2026-08-01T10:00:00+00:00", "interaction_id": "08d44563-bf9d-4371-9319-f104c0d7d4e0"}, {"trigger_id": "first_purchase:13ad1c9b-63da-4a3a-b567-6ed3ac92804c", "kind": "first_purchase", "occurred_at": "2026-03-14T10:00:00+00:00", "interaction_id": "a35665bc-45f0-45ae-be3c-1ad776eb9180"}]	{}	["needs-phone-email"]	\N	\N	{"2026-12-07": {"n": 3, "c:email": 3, "t:treatment": 2, "t:offer_response": 1}}
b4caf633-1739-41d9-80eb-409092bd7b01	2026-12-07 03:23:10.425884+00	2026-12-07 03:23:17.703439+00	maintain	92.060000	EUR	1	0	lost	1	15.500000	2026-12-07 03:23:11.817139+00	1	1	{"web": 1}	{"purchase": 1}	2026-03-22 10:00:00+00	2026-03-22 10:00:00+00	web	purchase	2026-03-22 10:00:00+00	[{"trigger_id": "first_purchase:b4caf633-1739-41d9-80eb-409092bd7b01", "kind": "first_purchase", "occurred_at": "2026-03-22T10:00:00+00:00", "interaction_id": "cb50c359-5970-4faa-83dd-e64ec0c67085"}]	{}	["needs-shoes-web"]	\N	\N	{"2026-03-22": {"n": 1, "c:web": 1, "t:purchase": 1}}
d958b57f-4153-45fd-b447-b2834ebb92c6	2026-12-07 03:23:10.430863+00	2026-12-07 03:23:17.73122+00	maintain	93.250000	EUR	1	0	lost	1	43.500000	2026-12-07 03:23:11.817139+00	1	1	{"web": 1}	{"purchase": 1}	2026-04-03 10:00:00+00	2026-04-03 10:00:00+00	web	purchase	2026-04-03 10:00:00+00	[{"trigger_id": "first_purchase:d958b57f-4153-45fd-b447-b2834ebb92c6", "kind": "first_purchase", "occurred_at": "2026-04-03T10:00:00+00:00", "interaction_id": "e51e14b8-938c-4ed2-899e-6364be57f188"}]	{}	["needs-shoes-web"]	\N	\N	{"2026-04-03": {"n": 1, "c:web": 1, "t:purchase": 1}}
4d05237e-6358-4bba-98cd-0790904b9ea7	2026-12-07 03:23:10.440768+00	2026-12-07 03:23:17.74132+00	maintain	29.040000	EUR	0.324608	0.6754	at_risk	2	101.000000	2026-12-07 03:23:11.817139+00	2	2	{"web": 1, "store": 1}	{"purchase": 2}	2026-04-06 10:00:00+00	2026-05-13 10:00:00+00	store	purchase	2026-05-13 10:00:00+00	[{"trigger_id": "first_purchase:4d05237e-6358-4bba-98cd-0790904b9ea7", "kind": "first_purchase", "occurred_at": "2026-04-06T10:00:00+00:00", "interaction_id": "e9e46d7b-c8c5-448e-aeb0-eeddd3928baa"}]	{}	["needs-store-bags"]	\N	\N	{"2026-04-06": {"n": 1, "c:web": 1, "t:purchase": 1}, "2026-05-13": {"n": 1, "c:store": 1, "t:purchase": 1}}
14d8bff5-ec73-4dd4-baaa-59e513562275	2026-12-07 03:23:10.541026+00	2026-12-07 03:23:17.890732+00	maintain	12.800000	EUR	0.306014	0.694	hibernating	2	45.000000	2026-12-07 03:23:11.817139+00	2	2	{"web": 1, "store": 1}	{"purchase": 2}	2026-03-25 10:00:00+00	2026-05-01 10:00:00+00	store	purchase	2026-05-01 10:00:00+00	[{"trigger_id": "first_purchase:14d8bff5-ec73-4dd4-baaa-59e513562275", "kind": "first_purchase", "occurred_at": "2026-03-25T10:00:00+00:00", "interaction_id": "f41e1dbd-ddd6-4eb4-8c81-430edc04c598"}]	{}	["needs-store-bags"]	\N	\N	{"2026-03-25": {"n": 1, "c:web": 1, "t:purchase": 1}, "2026-05-01": {"n": 1, "c:store": 1, "t:purchase": 1}}
8825eae8-081f-4a92-8bd7-938f73c0273a	2026-12-07 03:23:10.556733+00	2026-12-07 03:23:17.900049+00	most_growable	57.720000	EUR	0.402352	0.5976	champions	4	258.000000	2026-12-07 03:23:11.817139+00	4	4	{"web": 2, "store": 2}	{"purchase": 4}	2026-04-12 10:00:00+00	2026-08-01 10:00:00+00	store	purchase	2026-08-01 10:00:00+00	[{"trigger_id": "first_purchase:8825eae8-081f-4a92-8bd7-938f73c0273a", "kind": "first_purchase", "occurred_at": "2026-04-12T10:00:00+00:00", "interaction_id": "5cfa020d-52a1-4739-8cc1-2ab348964b77"}]	{}	["needs-books-frequent"]	\N	\N	{"2026-05-19": {"n": 1, "c:store": 1, "t:purchase": 1}, "2026-06-25": {"n": 1, "c:web": 1, "t:purchase": 1}, "2026-08-01": {"n": 1, "c:store": 1, "t:purchase": 1}}
293e9a25-9fe1-4484-84be-068ae33ff875	2026-12-07 03:23:10.57938+00	2026-12-07 03:23:17.91085+00	maintain	94.470000	EUR	1	0	lost	1	71.500000	2026-12-07 03:23:11.817139+00	1	1	{"web": 1}	{"purchase": 1}	2026-04-15 10:00:00+00	2026-04-15 10:00:00+00	web	purchase	2026-04-15 10:00:00+00	[{"trigger_id": "first_purchase:293e9a25-9fe1-4484-84be-068ae33ff875", "kind": "first_purchase", "occurred_at": "2026-04-15T10:00:00+00:00", "interaction_id": "5b2a5c10-e904-45b8-ae92-db3d963099da"}]	{}	["needs-shoes-web"]	\N	\N	{"2026-04-15": {"n": 1, "c:web": 1, "t:purchase": 1}}
c2ee74f2-5e8c-4433-ae84-ae4a56967308	2026-12-07 03:23:10.536839+00	2026-12-07 03:23:25.038151+00	most_valuable	116.760000	EUR	1	0	new	1	27.000000	2026-12-07 03:23:11.817139+00	4	1	{"web": 2, "email": 2}	{"purchase": 1, "treatment": 3}	2026-10-08 10:00:00+00	2026-12-07 03:23:24.838139+00	email	treatment	2026-10-08 10:00:00+00	[{"trigger_id": "first_purchase:c2ee74f2-5e8c-4433-ae84-ae4a56967308", "kind": "first_purchase", "occurred_at": "2026-10-08T10:00:00+00:00", "interaction_id": "49096e55-7348-4e1c-bb53-d5c6d0389dfb"}]	{}	["needs-phone-email"]	\N	\N	{"2026-10-08": {"n": 1, "c:web": 1, "t:purchase": 1}, "2026-12-07": {"n": 3, "c:web": 1, "t:treatment": 3, "c:email": 2}}
08830ee0-5e42-4aca-a818-7e709d2dfc6f	2026-12-07 03:23:10.743745+00	2026-12-07 03:23:17.803172+00	maintain	19.440000	EUR	0.324984	0.675	loyal	3	88.500000	2026-12-07 03:23:11.817139+00	3	3	{"web": 2, "store": 1}	{"purchase": 3}	2026-03-28 10:00:00+00	2026-06-10 10:00:00+00	web	purchase	2026-06-10 10:00:00+00	[{"trigger_id": "first_purchase:08830ee0-5e42-4aca-a818-7e709d2dfc6f", "kind": "first_purchase", "occurred_at": "2026-03-28T10:00:00+00:00", "interaction_id": "27f2b99f-20f9-49e0-850c-9f7bb0f918a4"}]	{}	["needs-books-frequent"]	\N	\N	{"2026-03-28": {"n": 1, "c:web": 1, "t:purchase": 1}, "2026-05-04": {"n": 1, "c:store": 1, "t:purchase": 1}, "2026-06-10": {"n": 1, "c:web": 1, "t:purchase": 1}}
97068038-88a0-4fa2-b501-38e3f7c00a98	2026-12-07 03:23:10.509509+00	2026-12-07 03:23:19.270063+00	most_valuable	113.730000	EUR	1	0	new	1	19.990000	2026-12-07 03:23:11.817139+00	7	1	{"web": 5, "email": 2}	{"survey": 1, "purchase": 1, "visit": 1, "treatment": 3, "offer_response": 1}	2026-09-18 10:00:00+00	2026-12-07 03:23:19.083458+00	web	offer_response	2026-09-18 10:00:00+00	[{"trigger_id": "first_purchase:97068038-88a0-4fa2-b501-38e3f7c00a98", "kind": "first_purchase", "occurred_at": "2026-09-18T10:00:00+00:00", "interaction_id": "9fef65a5-4c75-4d46-b761-250ca36a7ee6"}]	{}	["needs-shoes-web"]	\N	\N	{"2026-09-20": {"n": 1, "c:web": 1, "t:survey": 1}, "2026-09-18": {"n": 1, "c:web": 1, "t:purchase": 1}, "2026-10-28": {"n": 1, "c:web": 1, "t:visit": 1}, "2026-12-07": {"n": 4, "c:web": 2, "t:treatment": 3, "c:email": 2, "t:offer_response": 1}}
a923d3a6-a118-4f77-8703-c62592d91078	2026-12-07 03:23:10.245942+00	2026-12-07 03:23:10.739985+00	\N	\N	\N	\N	\N	\N	\N	\N	\N	1	1	{"store": 1}	{"purchase": 1}	2026-08-29 10:00:00+00	2026-08-29 10:00:00+00	store	purchase	2026-08-29 10:00:00+00	[{"trigger_id": "first_purchase:a923d3a6-a118-4f77-8703-c62592d91078", "kind": "first_purchase", "occurred_at": "2026-08-29T10:00:00+00:00", "interaction_id": "e76c0603-3979-4a22-b467-6c718cb19959"}]	{"profiling": false}	[]	\N	\N	{"2026-08-29": {"n": 1, "c:store": 1, "t:purchase": 1}}
3c8de731-5f16-48b6-ba14-3ad29d654f63	2026-12-07 03:23:10.674086+00	2026-12-07 03:23:17.94432+00	maintain	30.290000	EUR	0.37325	0.6268	loyal	4	146.000000	2026-12-07 03:23:11.817139+00	4	4	{"web": 2, "store": 2}	{"purchase": 4}	2026-03-31 10:00:00+00	2026-07-20 10:00:00+00	store	purchase	2026-07-20 10:00:00+00	[{"trigger_id": "first_purchase:3c8de731-5f16-48b6-ba14-3ad29d654f63", "kind": "first_purchase", "occurred_at": "2026-03-31T10:00:00+00:00", "interaction_id": "a4ef8fb3-5f8c-4089-a239-6f83a0f6edc7"}]	{}	["needs-books-frequent"]	\N	\N	{"2026-05-07": {"n": 1, "c:store": 1, "t:purchase": 1}, "2026-06-13": {"n": 1, "c:web": 1, "t:purchase": 1}, "2026-07-20": {"n": 1, "c:store": 1, "t:purchase": 1}}
2a2813b2-d08f-41d5-87ff-045bacb126fc	2026-12-07 03:23:10.710202+00	2026-12-07 03:23:17.950126+00	maintain	40.200000	EUR	0.348269	0.6517	loyal	3	172.500000	2026-12-07 03:23:11.817139+00	3	3	{"web": 2, "store": 1}	{"purchase": 3}	2026-04-09 10:00:00+00	2026-06-22 10:00:00+00	web	purchase	2026-06-22 10:00:00+00	[{"trigger_id": "first_purchase:2a2813b2-d08f-41d5-87ff-045bacb126fc", "kind": "first_purchase", "occurred_at": "2026-04-09T10:00:00+00:00", "interaction_id": "622fdef5-5066-42d5-babc-07ce6f44d48d"}]	{}	["needs-books-frequent"]	\N	\N	{"2026-04-09": {"n": 1, "c:web": 1, "t:purchase": 1}, "2026-05-16": {"n": 1, "c:store": 1, "t:purchase": 1}, "2026-06-22": {"n": 1, "c:web": 1, "t:purchase": 1}}
89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	2026-12-07 03:23:10.602865+00	2026-12-07 03:23:24.429966+00	most_valuable	253.640000	EUR	0.620792	0.3792	champions	5	824.400000	2026-12-07 03:23:11.817139+00	10	5	{"store": 3, "web": 5, "email": 2}	{"purchase": 5, "survey": 1, "treatment": 3, "offer_response": 1}	2026-03-02 10:00:00+00	2026-12-07 03:23:24.35675+00	web	treatment	2026-10-18 10:00:00+00	[{"trigger_id": "first_purchase:89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5", "kind": "first_purchase", "occurred_at": "2026-03-02T10:00:00+00:00", "interaction_id": "fe9c42ce-d2c4-414b-b860-3f248edfc5ca"}]	{}	["needs-big-basket-email"]	\N	\N	{"2026-10-18": {"n": 1, "c:store": 1, "t:purchase": 1}, "2026-10-19": {"n": 1, "c:email": 1, "t:survey": 1}, "2026-12-07": {"n": 4, "c:web": 3, "t:treatment": 3, "c:email": 1, "t:offer_response": 1}}
dc992601-4056-4010-93c7-a04f3576c35d	2026-12-07 03:23:10.646518+00	2026-12-07 03:23:17.981457+00	most_growable	47.580000	EUR	0.344122	0.6559	at_risk	2	157.000000	2026-12-07 03:23:11.817139+00	2	2	{"web": 1, "store": 1}	{"purchase": 2}	2026-04-18 10:00:00+00	2026-05-25 10:00:00+00	store	purchase	2026-05-25 10:00:00+00	[{"trigger_id": "first_purchase:dc992601-4056-4010-93c7-a04f3576c35d", "kind": "first_purchase", "occurred_at": "2026-04-18T10:00:00+00:00", "interaction_id": "c909685a-2c9a-4005-a703-f9407c50ce92"}]	{}	["needs-store-bags"]	\N	\N	{"2026-04-18": {"n": 1, "c:web": 1, "t:purchase": 1}, "2026-05-25": {"n": 1, "c:store": 1, "t:purchase": 1}}
fa9866ab-bd1e-4869-aabd-0dd58680d87e	2026-12-07 03:23:10.634064+00	2026-12-07 03:23:24.745494+00	most_valuable	107.130000	EUR	0.744581	0.2554	champions	4	271.000000	2026-12-07 03:23:19.496571+00	9	4	{"web": 3, "store": 2, "email": 4}	{"purchase": 4, "treatment": 3, "offer_response": 2}	2026-04-01 10:00:00+00	2026-12-07 03:23:24.647193+00	email	treatment	2026-12-07 03:23:19.177229+00	[{"trigger_id": "first_purchase:fa9866ab-bd1e-4869-aabd-0dd58680d87e", "kind": "first_purchase", "occurred_at": "2026-09-28T10:00:00+00:00", "interaction_id": "fda88ebe-59ff-498e-bead-49476c33d26f"}, {"trigger_id": "first_purchase:9e187226-b2d4-4825-970c-847484bec3d5", "kind": "first_purchase", "occurred_at": "2026-04-01T10:00:00+00:00", "interaction_id": "5872d3e6-4e9c-4067-8561-580a9dee35d8"}]	{}	["needs-big-basket-email"]	\N	\N	{"2026-09-28": {"n": 1, "c:web": 1, "t:purchase": 1}, "2026-12-07": {"n": 6, "c:email": 4, "t:treatment": 3, "c:web": 2, "t:purchase": 1, "t:offer_response": 2}}
\.


--
-- Data for Name: erasures; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.erasures (customer_id, erased_at) FROM stdin;
\.


--
-- Data for Name: inbox; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.inbox (consumer_group, event_id, event_type, processed_at) FROM stdin;
treatment-service-webhooks	0541c8b6-a2d8-48d2-9cc1-2cfd533c2ff6	idic.customer.identified.v1	2026-12-07 03:23:09.740038+00
treatment-service-webhooks	770025a4-1681-4344-80c9-c74f3fe15b34	idic.customer.identified.v1	2026-12-07 03:23:09.740038+00
treatment-service-webhooks	20a7159a-b3ae-4fd6-95af-dd9784dc8726	idic.customer.identified.v1	2026-12-07 03:23:09.740038+00
treatment-service-webhooks	62860dcd-8ee8-4e3a-8251-2530a79acfd2	idic.customer.identified.v1	2026-12-07 03:23:09.740038+00
treatment-service-webhooks	7a5a573e-b7e2-468d-84e4-2ba17392f97f	idic.customer.identified.v1	2026-12-07 03:23:09.740038+00
treatment-service-webhooks	75055633-9839-42ea-80aa-d36e6c0621b9	idic.customer.identified.v1	2026-12-07 03:23:09.816584+00
treatment-service-webhooks	f84dbe2d-fd63-45e1-9a86-3e864433b49d	idic.customer.identified.v1	2026-12-07 03:23:09.95114+00
treatment-service-webhooks	0d11b52f-f6e3-4538-ae62-5bd816d18a30	idic.customer.identified.v1	2026-12-07 03:23:09.95114+00
treatment-service-webhooks	a52f9532-c594-4fe9-bbb2-3d947e08947b	idic.customer.identified.v1	2026-12-07 03:23:09.95114+00
treatment-service-webhooks	4c29b509-672f-4854-b80e-0bb18d247e16	idic.customer.identified.v1	2026-12-07 03:23:09.95114+00
treatment-service-webhooks	7687d532-363e-4369-86f6-2f389c610f5b	idic.customer.identified.v1	2026-12-07 03:23:09.95114+00
treatment-service-webhooks	8f231fa7-51e9-4aec-b570-9dff343175a5	idic.customer.identified.v1	2026-12-07 03:23:09.95114+00
treatment-service-webhooks	a3d50273-6429-4263-ad76-72a431c8bff9	idic.customer.identified.v1	2026-12-07 03:23:09.95114+00
treatment-service-webhooks	f32e1317-1e2c-4d88-806f-2a0f7d427479	idic.customer.identified.v1	2026-12-07 03:23:09.95114+00
treatment-service-webhooks	0871405a-d5ef-4e8a-8ab7-98fd075b63ae	idic.customer.identified.v1	2026-12-07 03:23:09.95114+00
treatment-service-webhooks	c56cb87d-b91d-4e37-9b3f-c73464165489	idic.customer.identified.v1	2026-12-07 03:23:09.95114+00
treatment-service-webhooks	72de3b8f-1fef-455d-a25c-d129221dfcb2	idic.customer.identified.v1	2026-12-07 03:23:09.95114+00
treatment-service-webhooks	d5c9be26-8987-49e6-8a08-41a844d83e52	idic.customer.identified.v1	2026-12-07 03:23:09.95114+00
treatment-service-webhooks	5a999f9b-468d-4829-b61e-71aaf24fe574	idic.customer.identified.v1	2026-12-07 03:23:09.95114+00
treatment-service-webhooks	c6b38a1c-8c44-4d44-a751-4258c5be225c	idic.customer.identified.v1	2026-12-07 03:23:09.95114+00
treatment-service-webhooks	9af73de1-5164-4fe9-be5f-3b3a589e20bc	idic.customer.identified.v1	2026-12-07 03:23:09.95114+00
treatment-service-webhooks	849ec99d-9ace-40e4-bcb2-4e6e37fd8468	idic.customer.identified.v1	2026-12-07 03:23:09.95114+00
treatment-service-webhooks	6fb7dad7-fce8-4506-becf-0223796e269d	idic.customer.identified.v1	2026-12-07 03:23:09.95114+00
treatment-service-webhooks	21d0fcdb-3034-439a-922b-e3b5b57d4dad	idic.customer.identified.v1	2026-12-07 03:23:09.95114+00
treatment-service-webhooks	c12533ce-c278-46f4-8489-1732b7d0ec0e	idic.customer.identified.v1	2026-12-07 03:23:09.95114+00
treatment-service-webhooks	db30a31d-483a-4a32-8ca5-a665fb61821d	idic.customer.identified.v1	2026-12-07 03:23:09.95114+00
treatment-service-webhooks	2dd7c681-0fc1-42be-a9ef-1dcaae4728d4	idic.customer.identified.v1	2026-12-07 03:23:09.95114+00
treatment-service-webhooks	73e4e807-9d26-43e6-9477-f741d2d9b6e5	idic.customer.identified.v1	2026-12-07 03:23:09.95114+00
treatment-service-webhooks	1e0fc200-dbbc-4ab7-ba86-0d3fc7fc25bb	idic.customer.identified.v1	2026-12-07 03:23:09.95114+00
treatment-service-webhooks	5c7e5348-bade-439f-b677-a26f6fb7e01c	idic.customer.identified.v1	2026-12-07 03:23:09.95114+00
treatment-service-webhooks	7ead88b0-b56f-4335-a2eb-4e3414846b03	idic.customer.updated.v1	2026-12-07 03:23:10.189832+00
treatment-service	7ead88b0-b56f-4335-a2eb-4e3414846b03	idic.customer.updated.v1	2026-12-07 03:23:10.259029+00
treatment-service-webhooks	ceba989e-f48d-4916-aa1c-4843e2b251e6	idic.interaction.recorded.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	913d0854-1c0d-462d-ac7a-96f704d44850	idic.interaction.recorded.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	2172d390-71c5-4e44-9f22-2c6dc137e9ca	idic.interaction.recorded.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	b012ae56-4f62-46d9-ba31-20de69425d41	idic.interaction.recorded.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	b839ba24-6e20-4832-a780-8aae94f62a47	idic.interaction.recorded.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	436c7f57-af39-4cce-b63f-f42672828a9a	idic.interaction.recorded.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	a4ad9908-1387-4280-b7d6-4d1605df7a3b	idic.interaction.recorded.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	a9d64a73-77ff-44ab-95a1-6f1e09ec0df7	idic.interaction.recorded.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	ef35b9aa-bb1d-4521-8487-a6565610ee99	idic.interaction.recorded.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	f629718a-f794-4256-9bae-60aa089b8a2e	idic.interaction.recorded.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	a8ec2fdc-ece6-45a8-9b0f-db6398231942	idic.interaction.recorded.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	6952b441-33af-599f-8918-7466637e156b	idic.trigger.detected.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	be3f4044-54cc-53e8-977e-4f4cb3e556ef	idic.trigger.detected.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	d0c41998-8470-5962-9221-a8b9d5354812	idic.trigger.detected.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	f328cfd1-1f27-5139-a372-42c58b86283c	idic.trigger.detected.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	30e1be35-98de-50a5-90c1-b1f7d2ccaa05	idic.trigger.detected.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	183a4d4d-8004-4e36-86ff-c23706ef60ce	idic.interaction.recorded.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	b4f52444-3f57-4963-8c78-0bcfa78c0fac	idic.interaction.recorded.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	b75165de-2b79-4f57-be88-07868cc273ed	idic.interaction.recorded.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	77e92d5e-4e7d-51bb-9a96-2b0e503c862a	idic.trigger.detected.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	0657cd54-92a2-47c3-89b2-f041a24c9fc1	idic.interaction.recorded.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	b8374981-6f0e-4db4-8aee-7576b8f6ebb0	idic.interaction.recorded.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	e2ec60ea-8a1e-4c5b-9c26-477bf2500a59	idic.interaction.recorded.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	84f67d7e-fabd-450a-8fd1-8a6de814fc31	idic.interaction.recorded.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	a0de2ebb-26a2-425a-9616-1b80f6d4b7a1	idic.interaction.recorded.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	657c0f16-e19d-476b-824d-cffc53a01ead	idic.interaction.recorded.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	bc55eaab-0f5c-4a09-9a01-0d9ca0e2b79c	idic.interaction.recorded.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	bc789baa-083b-4ebb-bc69-a670152811fd	idic.interaction.recorded.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	800d271d-660f-570d-9fd6-b027640fb478	idic.trigger.detected.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	350d811b-88cf-53de-9a23-2f94f5fd54f8	idic.trigger.detected.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	ec79e001-9792-553c-8214-3b8d92a1b4af	idic.trigger.detected.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	c5523a32-8178-5591-8afd-cc2c76478ad3	idic.trigger.detected.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	a481f079-799d-5333-aa77-ab9aca6e429c	idic.trigger.detected.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	14218b4d-9bd3-501f-803f-aeee43b56361	idic.trigger.detected.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	746888ea-895b-4eed-808d-355a3e2f737f	idic.interaction.recorded.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	1add7371-2634-4e62-975d-2304e244e465	idic.interaction.recorded.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	9f89b206-efb8-40ce-9add-327cb99a1e13	idic.interaction.recorded.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	dba2c633-1d44-4e86-bffe-c85df4ba6aeb	idic.interaction.recorded.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	46d6d747-fc28-4d4f-b89a-3a97d2d1a25b	idic.interaction.recorded.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	fd630364-5614-4353-8fce-3cf54e1d83b7	idic.interaction.recorded.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	c04d4465-5f9a-4018-8a17-8a22cdc18ad2	idic.interaction.recorded.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	9dade115-2774-4d3b-94b7-28ed08b99860	idic.interaction.recorded.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	f79ebbea-32ae-4e1b-b11f-b48902687a69	idic.interaction.recorded.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	a3f326e4-4ef2-447b-af90-0c2e42fbe125	idic.interaction.recorded.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	2f3cc531-641a-4ba5-8f93-80de621036a0	idic.interaction.recorded.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	7ed708ce-c013-5bcf-98a8-174fdfafbf27	idic.trigger.detected.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	da2b77b4-d179-58dd-99a2-ac78f168915e	idic.trigger.detected.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	930d30b7-e426-5bf0-81ae-99f86089ff3c	idic.trigger.detected.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	ed7b6835-cbfa-5568-a470-d69f7ee86448	idic.trigger.detected.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	e9962500-cc65-4db7-8041-27a80f8920bc	idic.interaction.recorded.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	324d4a6a-5952-4ae0-a899-cba23598d75f	idic.interaction.recorded.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	8dbed52a-6ddb-4c60-bf0d-70b4690e6365	idic.interaction.recorded.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	0503ff70-69df-48f5-9d6c-50c053712e25	idic.interaction.recorded.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	bcf047c9-83b5-4aaa-9483-1bde6ce394c6	idic.interaction.recorded.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	db2d6cd9-3e6d-4add-a170-1ef24db95462	idic.interaction.recorded.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	415f4c42-2a4c-4686-9d76-e393fc54aaa4	idic.interaction.recorded.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	685ccfe9-a400-421b-ad69-31b34310f47e	idic.interaction.recorded.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	52d60a45-0a8a-5bce-ab50-bfafce7fef68	idic.trigger.detected.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	9e5f7ec8-5638-5bc3-ba03-646fad8c4d8a	idic.trigger.detected.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	304762be-6e78-564e-8eea-53b19d5b0188	idic.trigger.detected.v1	2026-12-07 03:23:10.289931+00
treatment-service-webhooks	83d57367-8f17-4934-a51f-401b4e30faca	idic.customer.scored.v1	2026-12-07 03:23:11.01902+00
treatment-service-webhooks	fde11707-5fd9-4a7e-8831-511f9c1a5f7f	idic.customer.scored.v1	2026-12-07 03:23:11.01902+00
treatment-service-webhooks	84508893-c290-4ee9-8e4b-ffd94c1acb7a	idic.customer.scored.v1	2026-12-07 03:23:11.01902+00
treatment-service-webhooks	ce721d46-3f77-4c07-9158-d76db3b9a1d4	idic.customer.scored.v1	2026-12-07 03:23:11.01902+00
treatment-service-webhooks	23e5a9ce-ac0c-4acd-b621-fbdc941f6d87	idic.customer.scored.v1	2026-12-07 03:23:11.01902+00
treatment-service-webhooks	39d6b1fd-0af8-4ee4-9be1-de9d035fe94b	idic.customer.scored.v1	2026-12-07 03:23:11.01902+00
treatment-service-webhooks	f35160cc-4f3d-407f-83c6-8a44f58aa889	idic.customer.scored.v1	2026-12-07 03:23:11.01902+00
treatment-service-webhooks	a028bc67-6fec-4fb1-9adb-78c61b0bff44	idic.customer.scored.v1	2026-12-07 03:23:11.01902+00
treatment-service-webhooks	4e6a57f3-c843-469c-96b4-fec55697edc4	idic.customer.scored.v1	2026-12-07 03:23:11.01902+00
treatment-service-webhooks	8eb9c88b-bc8d-41e9-9c45-26a4d3a65b1e	idic.customer.scored.v1	2026-12-07 03:23:11.01902+00
treatment-service-webhooks	47ead6dc-fa11-4278-bc92-c32815a7f1c9	idic.customer.scored.v1	2026-12-07 03:23:11.01902+00
treatment-service-webhooks	5db57421-c23f-4daa-aaa1-564960c10426	idic.customer.scored.v1	2026-12-07 03:23:11.01902+00
treatment-service-webhooks	fa60c2b2-69ba-4a73-ba82-b9d0912760e5	idic.customer.scored.v1	2026-12-07 03:23:11.01902+00
treatment-service-webhooks	31a45348-d533-4b23-8dbe-1f839dd97230	idic.customer.scored.v1	2026-12-07 03:23:11.01902+00
treatment-service-webhooks	f2138eb4-c7c9-46fa-899b-0fbdc5e9d97d	idic.customer.scored.v1	2026-12-07 03:23:11.01902+00
treatment-service-webhooks	fc5d5d81-d949-419c-a6b5-934bc2e9c018	idic.customer.scored.v1	2026-12-07 03:23:11.01902+00
treatment-service-webhooks	bca8f282-5060-4c70-b10e-f1cd79b7e0bc	idic.customers.merged.v1	2026-12-07 03:23:11.186524+00
treatment-service-webhooks	051ac4ff-9481-4910-897f-7a6b3cbc92c7	idic.customer.updated.v1	2026-12-07 03:23:11.186524+00
treatment-service	bca8f282-5060-4c70-b10e-f1cd79b7e0bc	idic.customers.merged.v1	2026-12-07 03:23:11.31022+00
treatment-service	051ac4ff-9481-4910-897f-7a6b3cbc92c7	idic.customer.updated.v1	2026-12-07 03:23:11.31022+00
treatment-service	ff26ede9-6e74-4f37-8892-8388d3502e3d	idic.customer.scored.v1	2026-12-07 03:23:11.31022+00
treatment-service	ec787eb7-5817-4203-ad98-5aa617cc39dd	idic.customer.scored.v1	2026-12-07 03:23:17.985906+00
treatment-service	18fd504d-263a-4b7d-9eb8-53abcf9142cc	idic.customer.scored.v1	2026-12-07 03:23:17.985906+00
treatment-service	4c3e1463-e805-4a08-afa5-a14476073dc9	idic.customer.scored.v1	2026-12-07 03:23:17.985906+00
treatment-service	c136a8e8-415a-4348-b6e9-3da751be0a09	idic.customer.scored.v1	2026-12-07 03:23:17.985906+00
treatment-service	af0bafa4-50fa-4013-8340-ffb5e635156a	idic.segment.changed.v1	2026-12-07 03:23:17.985906+00
treatment-service	b085036f-258d-498b-9c36-213ea7eac784	idic.segment.changed.v1	2026-12-07 03:23:17.985906+00
treatment-service	0d1da34d-03f8-4e5a-8d60-d7ed59562511	idic.segment.changed.v1	2026-12-07 03:23:17.985906+00
treatment-service	6bc58291-1d01-4707-b801-97ee9d212a63	idic.segment.changed.v1	2026-12-07 03:23:17.985906+00
treatment-service	fe648cd6-eb0f-45c6-a961-11b7829d19f7	idic.customer.scored.v1	2026-12-07 03:23:17.985906+00
treatment-service	8d430bec-eee8-4152-88df-709d1e78f740	idic.segment.changed.v1	2026-12-07 03:23:17.985906+00
treatment-service	e480177e-6a14-47f0-817b-672a78ee953b	idic.customer.scored.v1	2026-12-07 03:23:17.985906+00
treatment-service	345fce50-6c34-445f-ad58-6aa4d2e8ccf2	idic.customer.scored.v1	2026-12-07 03:23:17.985906+00
treatment-service	780fa9b5-6f89-43de-9a14-2b8adf5152de	idic.customer.scored.v1	2026-12-07 03:23:17.985906+00
treatment-service	0657cd54-92a2-47c3-89b2-f041a24c9fc1	idic.interaction.recorded.v1	2026-12-07 03:23:10.760735+00
treatment-service	b8374981-6f0e-4db4-8aee-7576b8f6ebb0	idic.interaction.recorded.v1	2026-12-07 03:23:10.760735+00
treatment-service	e2ec60ea-8a1e-4c5b-9c26-477bf2500a59	idic.interaction.recorded.v1	2026-12-07 03:23:10.760735+00
treatment-service	84f67d7e-fabd-450a-8fd1-8a6de814fc31	idic.interaction.recorded.v1	2026-12-07 03:23:10.760735+00
treatment-service	a0de2ebb-26a2-425a-9616-1b80f6d4b7a1	idic.interaction.recorded.v1	2026-12-07 03:23:10.760735+00
treatment-service	657c0f16-e19d-476b-824d-cffc53a01ead	idic.interaction.recorded.v1	2026-12-07 03:23:10.760735+00
treatment-service	bc55eaab-0f5c-4a09-9a01-0d9ca0e2b79c	idic.interaction.recorded.v1	2026-12-07 03:23:10.760735+00
treatment-service	bc789baa-083b-4ebb-bc69-a670152811fd	idic.interaction.recorded.v1	2026-12-07 03:23:10.760735+00
treatment-service	800d271d-660f-570d-9fd6-b027640fb478	idic.trigger.detected.v1	2026-12-07 03:23:10.760735+00
treatment-service	350d811b-88cf-53de-9a23-2f94f5fd54f8	idic.trigger.detected.v1	2026-12-07 03:23:10.760735+00
treatment-service	ec79e001-9792-553c-8214-3b8d92a1b4af	idic.trigger.detected.v1	2026-12-07 03:23:10.760735+00
treatment-service	c5523a32-8178-5591-8afd-cc2c76478ad3	idic.trigger.detected.v1	2026-12-07 03:23:10.760735+00
treatment-service	a481f079-799d-5333-aa77-ab9aca6e429c	idic.trigger.detected.v1	2026-12-07 03:23:10.760735+00
treatment-service	14218b4d-9bd3-501f-803f-aeee43b56361	idic.trigger.detected.v1	2026-12-07 03:23:10.760735+00
treatment-service	ceba989e-f48d-4916-aa1c-4843e2b251e6	idic.interaction.recorded.v1	2026-12-07 03:23:10.760735+00
treatment-service	913d0854-1c0d-462d-ac7a-96f704d44850	idic.interaction.recorded.v1	2026-12-07 03:23:10.760735+00
treatment-service	2172d390-71c5-4e44-9f22-2c6dc137e9ca	idic.interaction.recorded.v1	2026-12-07 03:23:10.760735+00
treatment-service	b012ae56-4f62-46d9-ba31-20de69425d41	idic.interaction.recorded.v1	2026-12-07 03:23:10.760735+00
treatment-service	b839ba24-6e20-4832-a780-8aae94f62a47	idic.interaction.recorded.v1	2026-12-07 03:23:10.760735+00
treatment-service	436c7f57-af39-4cce-b63f-f42672828a9a	idic.interaction.recorded.v1	2026-12-07 03:23:10.760735+00
treatment-service	a4ad9908-1387-4280-b7d6-4d1605df7a3b	idic.interaction.recorded.v1	2026-12-07 03:23:10.760735+00
treatment-service	a9d64a73-77ff-44ab-95a1-6f1e09ec0df7	idic.interaction.recorded.v1	2026-12-07 03:23:10.760735+00
treatment-service	ef35b9aa-bb1d-4521-8487-a6565610ee99	idic.interaction.recorded.v1	2026-12-07 03:23:10.760735+00
treatment-service	f629718a-f794-4256-9bae-60aa089b8a2e	idic.interaction.recorded.v1	2026-12-07 03:23:10.760735+00
treatment-service	a8ec2fdc-ece6-45a8-9b0f-db6398231942	idic.interaction.recorded.v1	2026-12-07 03:23:10.760735+00
treatment-service	6952b441-33af-599f-8918-7466637e156b	idic.trigger.detected.v1	2026-12-07 03:23:10.760735+00
treatment-service	be3f4044-54cc-53e8-977e-4f4cb3e556ef	idic.trigger.detected.v1	2026-12-07 03:23:10.760735+00
treatment-service	d0c41998-8470-5962-9221-a8b9d5354812	idic.trigger.detected.v1	2026-12-07 03:23:10.760735+00
treatment-service	f328cfd1-1f27-5139-a372-42c58b86283c	idic.trigger.detected.v1	2026-12-07 03:23:10.760735+00
treatment-service	30e1be35-98de-50a5-90c1-b1f7d2ccaa05	idic.trigger.detected.v1	2026-12-07 03:23:10.760735+00
treatment-service	746888ea-895b-4eed-808d-355a3e2f737f	idic.interaction.recorded.v1	2026-12-07 03:23:10.760735+00
treatment-service	1add7371-2634-4e62-975d-2304e244e465	idic.interaction.recorded.v1	2026-12-07 03:23:10.760735+00
treatment-service	9f89b206-efb8-40ce-9add-327cb99a1e13	idic.interaction.recorded.v1	2026-12-07 03:23:10.760735+00
treatment-service	dba2c633-1d44-4e86-bffe-c85df4ba6aeb	idic.interaction.recorded.v1	2026-12-07 03:23:10.760735+00
treatment-service	46d6d747-fc28-4d4f-b89a-3a97d2d1a25b	idic.interaction.recorded.v1	2026-12-07 03:23:10.760735+00
treatment-service	fd630364-5614-4353-8fce-3cf54e1d83b7	idic.interaction.recorded.v1	2026-12-07 03:23:10.760735+00
treatment-service	c04d4465-5f9a-4018-8a17-8a22cdc18ad2	idic.interaction.recorded.v1	2026-12-07 03:23:10.760735+00
treatment-service	9dade115-2774-4d3b-94b7-28ed08b99860	idic.interaction.recorded.v1	2026-12-07 03:23:10.760735+00
treatment-service	f79ebbea-32ae-4e1b-b11f-b48902687a69	idic.interaction.recorded.v1	2026-12-07 03:23:10.760735+00
treatment-service	a3f326e4-4ef2-447b-af90-0c2e42fbe125	idic.interaction.recorded.v1	2026-12-07 03:23:10.760735+00
treatment-service	2f3cc531-641a-4ba5-8f93-80de621036a0	idic.interaction.recorded.v1	2026-12-07 03:23:10.760735+00
treatment-service	7ed708ce-c013-5bcf-98a8-174fdfafbf27	idic.trigger.detected.v1	2026-12-07 03:23:10.760735+00
treatment-service	da2b77b4-d179-58dd-99a2-ac78f168915e	idic.trigger.detected.v1	2026-12-07 03:23:10.760735+00
treatment-service	930d30b7-e426-5bf0-81ae-99f86089ff3c	idic.trigger.detected.v1	2026-12-07 03:23:10.760735+00
treatment-service	ed7b6835-cbfa-5568-a470-d69f7ee86448	idic.trigger.detected.v1	2026-12-07 03:23:10.760735+00
treatment-service	e9962500-cc65-4db7-8041-27a80f8920bc	idic.interaction.recorded.v1	2026-12-07 03:23:10.760735+00
treatment-service	324d4a6a-5952-4ae0-a899-cba23598d75f	idic.interaction.recorded.v1	2026-12-07 03:23:10.760735+00
treatment-service	8dbed52a-6ddb-4c60-bf0d-70b4690e6365	idic.interaction.recorded.v1	2026-12-07 03:23:10.760735+00
treatment-service	0503ff70-69df-48f5-9d6c-50c053712e25	idic.interaction.recorded.v1	2026-12-07 03:23:10.760735+00
treatment-service	bcf047c9-83b5-4aaa-9483-1bde6ce394c6	idic.interaction.recorded.v1	2026-12-07 03:23:10.760735+00
treatment-service	db2d6cd9-3e6d-4add-a170-1ef24db95462	idic.interaction.recorded.v1	2026-12-07 03:23:10.760735+00
treatment-service	415f4c42-2a4c-4686-9d76-e393fc54aaa4	idic.interaction.recorded.v1	2026-12-07 03:23:10.760735+00
treatment-service	685ccfe9-a400-421b-ad69-31b34310f47e	idic.interaction.recorded.v1	2026-12-07 03:23:10.760735+00
treatment-service	52d60a45-0a8a-5bce-ab50-bfafce7fef68	idic.trigger.detected.v1	2026-12-07 03:23:10.760735+00
treatment-service	9e5f7ec8-5638-5bc3-ba03-646fad8c4d8a	idic.trigger.detected.v1	2026-12-07 03:23:10.760735+00
treatment-service	304762be-6e78-564e-8eea-53b19d5b0188	idic.trigger.detected.v1	2026-12-07 03:23:10.760735+00
treatment-service	183a4d4d-8004-4e36-86ff-c23706ef60ce	idic.interaction.recorded.v1	2026-12-07 03:23:10.760735+00
treatment-service	b4f52444-3f57-4963-8c78-0bcfa78c0fac	idic.interaction.recorded.v1	2026-12-07 03:23:10.760735+00
treatment-service	b75165de-2b79-4f57-be88-07868cc273ed	idic.interaction.recorded.v1	2026-12-07 03:23:10.760735+00
treatment-service	77e92d5e-4e7d-51bb-9a96-2b0e503c862a	idic.trigger.detected.v1	2026-12-07 03:23:10.760735+00
treatment-service-webhooks	ff26ede9-6e74-4f37-8892-8388d3502e3d	idic.customer.scored.v1	2026-12-07 03:23:11.253677+00
treatment-service	39d6b1fd-0af8-4ee4-9be1-de9d035fe94b	idic.customer.scored.v1	2026-12-07 03:23:11.272401+00
treatment-service	f35160cc-4f3d-407f-83c6-8a44f58aa889	idic.customer.scored.v1	2026-12-07 03:23:11.272401+00
treatment-service	a028bc67-6fec-4fb1-9adb-78c61b0bff44	idic.customer.scored.v1	2026-12-07 03:23:11.272401+00
treatment-service	4e6a57f3-c843-469c-96b4-fec55697edc4	idic.customer.scored.v1	2026-12-07 03:23:11.272401+00
treatment-service	8eb9c88b-bc8d-41e9-9c45-26a4d3a65b1e	idic.customer.scored.v1	2026-12-07 03:23:11.272401+00
treatment-service	83d57367-8f17-4934-a51f-401b4e30faca	idic.customer.scored.v1	2026-12-07 03:23:11.272401+00
treatment-service	fde11707-5fd9-4a7e-8831-511f9c1a5f7f	idic.customer.scored.v1	2026-12-07 03:23:11.272401+00
treatment-service	84508893-c290-4ee9-8e4b-ffd94c1acb7a	idic.customer.scored.v1	2026-12-07 03:23:11.272401+00
treatment-service	ce721d46-3f77-4c07-9158-d76db3b9a1d4	idic.customer.scored.v1	2026-12-07 03:23:11.272401+00
treatment-service	23e5a9ce-ac0c-4acd-b621-fbdc941f6d87	idic.customer.scored.v1	2026-12-07 03:23:11.272401+00
treatment-service	f2138eb4-c7c9-46fa-899b-0fbdc5e9d97d	idic.customer.scored.v1	2026-12-07 03:23:11.272401+00
treatment-service	fc5d5d81-d949-419c-a6b5-934bc2e9c018	idic.customer.scored.v1	2026-12-07 03:23:11.272401+00
treatment-service	47ead6dc-fa11-4278-bc92-c32815a7f1c9	idic.customer.scored.v1	2026-12-07 03:23:11.272401+00
treatment-service	5db57421-c23f-4daa-aaa1-564960c10426	idic.customer.scored.v1	2026-12-07 03:23:11.272401+00
treatment-service	fa60c2b2-69ba-4a73-ba82-b9d0912760e5	idic.customer.scored.v1	2026-12-07 03:23:11.272401+00
treatment-service	31a45348-d533-4b23-8dbe-1f839dd97230	idic.customer.scored.v1	2026-12-07 03:23:11.272401+00
treatment-service-webhooks	e480177e-6a14-47f0-817b-672a78ee953b	idic.customer.scored.v1	2026-12-07 03:23:17.614902+00
treatment-service-webhooks	345fce50-6c34-445f-ad58-6aa4d2e8ccf2	idic.customer.scored.v1	2026-12-07 03:23:17.614902+00
treatment-service-webhooks	780fa9b5-6f89-43de-9a14-2b8adf5152de	idic.customer.scored.v1	2026-12-07 03:23:17.614902+00
treatment-service-webhooks	a4920f3a-173e-4e81-b19c-2be4cda6b6dd	idic.customer.scored.v1	2026-12-07 03:23:17.614902+00
treatment-service-webhooks	fe3665c1-23c7-49f0-a5b3-c116ff101a44	idic.customer.scored.v1	2026-12-07 03:23:17.614902+00
treatment-service-webhooks	1aefe0a6-d6c6-405e-bd57-6a4861cb9046	idic.segment.changed.v1	2026-12-07 03:23:17.614902+00
treatment-service-webhooks	3aa09bc2-1ad3-4160-af22-1ffa93ebed61	idic.segment.changed.v1	2026-12-07 03:23:17.614902+00
treatment-service-webhooks	ec5da526-7af8-4f8b-be09-6b75c87a80cd	idic.segment.changed.v1	2026-12-07 03:23:17.614902+00
treatment-service-webhooks	50c16719-8efb-4588-b2b9-8172e1070aa0	idic.segment.changed.v1	2026-12-07 03:23:17.614902+00
treatment-service-webhooks	1217b580-5345-4120-bc70-2318bd1c370e	idic.segment.changed.v1	2026-12-07 03:23:17.614902+00
treatment-service-webhooks	ec787eb7-5817-4203-ad98-5aa617cc39dd	idic.customer.scored.v1	2026-12-07 03:23:17.614902+00
treatment-service-webhooks	18fd504d-263a-4b7d-9eb8-53abcf9142cc	idic.customer.scored.v1	2026-12-07 03:23:17.614902+00
treatment-service-webhooks	4c3e1463-e805-4a08-afa5-a14476073dc9	idic.customer.scored.v1	2026-12-07 03:23:17.614902+00
treatment-service-webhooks	c136a8e8-415a-4348-b6e9-3da751be0a09	idic.customer.scored.v1	2026-12-07 03:23:17.614902+00
treatment-service-webhooks	af0bafa4-50fa-4013-8340-ffb5e635156a	idic.segment.changed.v1	2026-12-07 03:23:17.614902+00
treatment-service-webhooks	b085036f-258d-498b-9c36-213ea7eac784	idic.segment.changed.v1	2026-12-07 03:23:17.614902+00
treatment-service-webhooks	0d1da34d-03f8-4e5a-8d60-d7ed59562511	idic.segment.changed.v1	2026-12-07 03:23:17.614902+00
treatment-service-webhooks	6bc58291-1d01-4707-b801-97ee9d212a63	idic.segment.changed.v1	2026-12-07 03:23:17.614902+00
treatment-service-webhooks	fe648cd6-eb0f-45c6-a961-11b7829d19f7	idic.customer.scored.v1	2026-12-07 03:23:17.614902+00
treatment-service-webhooks	8d430bec-eee8-4152-88df-709d1e78f740	idic.segment.changed.v1	2026-12-07 03:23:17.614902+00
treatment-service-webhooks	313178ee-9ca1-4ccd-bbcb-6953375d7570	idic.customer.scored.v1	2026-12-07 03:23:17.614902+00
treatment-service-webhooks	6058166c-e9bd-4d2c-9384-06b91689269f	idic.customer.scored.v1	2026-12-07 03:23:17.614902+00
treatment-service-webhooks	816af78d-72ae-4421-8617-025e69bd5a07	idic.segment.changed.v1	2026-12-07 03:23:17.614902+00
treatment-service-webhooks	39163b91-b2db-4827-affa-44a808612e8e	idic.segment.changed.v1	2026-12-07 03:23:17.614902+00
treatment-service-webhooks	f7ecfb76-40b8-4be8-a4ed-17dcc13a9a14	idic.customer.scored.v1	2026-12-07 03:23:17.614902+00
treatment-service-webhooks	6e08eb34-655f-40c9-98b6-d0f45c04264f	idic.customer.scored.v1	2026-12-07 03:23:17.614902+00
treatment-service-webhooks	ab078061-ed80-4d77-9070-f233e6bb4900	idic.customer.scored.v1	2026-12-07 03:23:17.614902+00
treatment-service-webhooks	458f826e-4a11-4c70-81a4-e3811002803b	idic.segment.changed.v1	2026-12-07 03:23:17.614902+00
treatment-service-webhooks	7c5ed311-e626-484c-8979-7d5ee84a929e	idic.segment.changed.v1	2026-12-07 03:23:17.614902+00
treatment-service-webhooks	284c7bf4-1eea-4b4f-b45d-2a0c3f9a3f8d	idic.segment.changed.v1	2026-12-07 03:23:17.614902+00
treatment-service-webhooks	324215b4-1c54-46e7-9201-e8e89d835f44	idic.treatment.delivered.v1	2026-12-07 03:23:18.822439+00
treatment-service-webhooks	4dd408af-1a4b-4c5b-830c-7a4f4c70ed63	idic.interaction.recorded.v1	2026-12-07 03:23:18.883771+00
treatment-service-webhooks	eb93f1ad-9221-475c-8d47-23ff25b079eb	idic.interaction.recorded.v1	2026-12-07 03:23:18.883771+00
treatment-service-webhooks	df326395-6525-4056-8e34-947b9bf6aa07	idic.interaction.recorded.v1	2026-12-07 03:23:18.928472+00
treatment-service-webhooks	f7918323-b3d2-48f7-8cbd-df8291861037	idic.treatment.delivered.v1	2026-12-07 03:23:18.928472+00
treatment-service-webhooks	558a2de6-4d10-43d1-9ecb-0a225073bb30	idic.treatment.decided.v1	2026-12-07 03:23:18.928472+00
treatment-service-webhooks	829a1569-651b-4534-90e2-8211327e1d78	idic.treatment.delivered.v1	2026-12-07 03:23:18.928472+00
treatment-service-webhooks	bd011dbd-8f5f-4920-a8ae-6d388d74ba88	idic.treatment.delivered.v1	2026-12-07 03:23:18.928472+00
treatment-service-webhooks	4b795a1a-05ab-4354-a1ca-ced7ae05f130	idic.treatment.outcome_recorded.v1	2026-12-07 03:23:19.106852+00
treatment-service	8ba5567e-9799-4ee9-a1ce-70cc0b68a8df	idic.interaction.recorded.v1	2026-12-07 03:23:19.159151+00
treatment-service	2fe2f7ee-9015-477b-81a5-da0ab25570f1	idic.interaction.recorded.v1	2026-12-07 03:23:19.159151+00
treatment-service	eea005ca-0b56-4db7-8876-6ba77fa7e663	idic.interaction.recorded.v1	2026-12-07 03:23:19.159151+00
treatment-service	37e1dd7c-9018-46f9-a666-359c68037594	idic.interaction.recorded.v1	2026-12-07 03:23:19.272522+00
treatment-service	df8ce892-e1b0-4164-9a49-58f3af619545	idic.interaction.recorded.v1	2026-12-07 03:23:19.272522+00
treatment-service	753a15e6-4c23-40e8-aefc-8dfc9485e5b3	idic.interaction.recorded.v1	2026-12-07 03:23:19.272522+00
treatment-service	39b7d02b-c471-46ce-8caf-361aad23ec24	idic.interaction.recorded.v1	2026-12-07 03:23:19.272522+00
treatment-service-webhooks	abed03c8-4827-4dbd-a8c4-34cc9912b12d	idic.treatment.outcome_recorded.v1	2026-12-07 03:23:19.406249+00
treatment-service	494232a9-3e54-4601-bd5c-3c446bfb625e	idic.segment.changed.v1	2026-12-07 03:23:19.475317+00
treatment-service	49c895a1-b04d-4142-9bad-f5510844ddd7	idic.segment.changed.v1	2026-12-07 03:23:19.475317+00
treatment-service-webhooks	8dd1c6dc-0d37-4f34-ab30-b440c50b2cac	idic.customer.scored.v1	2026-12-07 03:23:19.552797+00
treatment-service-webhooks	e9a30446-6c53-469c-a33c-088c72347e02	idic.treatment.decided.v1	2026-12-07 03:23:19.596467+00
treatment-service-webhooks	1fdf6bb9-0dfe-4488-bf02-51cf28f8aa67	idic.treatment.decided.v1	2026-12-07 03:23:24.506383+00
treatment-service-webhooks	02b66c6e-4342-44a1-ab8b-320a2f110269	idic.treatment.delivered.v1	2026-12-07 03:23:24.506383+00
treatment-service-webhooks	d3fea67e-12a3-4558-8991-4a4b8776a4e4	idic.interaction.recorded.v1	2026-12-07 03:23:24.564882+00
treatment-service	f142440d-647c-4df8-a80c-072976995f9f	idic.interaction.recorded.v1	2026-12-07 03:23:24.759858+00
treatment-service	a4920f3a-173e-4e81-b19c-2be4cda6b6dd	idic.customer.scored.v1	2026-12-07 03:23:17.985906+00
treatment-service	fe3665c1-23c7-49f0-a5b3-c116ff101a44	idic.customer.scored.v1	2026-12-07 03:23:17.985906+00
treatment-service	1aefe0a6-d6c6-405e-bd57-6a4861cb9046	idic.segment.changed.v1	2026-12-07 03:23:17.985906+00
treatment-service	3aa09bc2-1ad3-4160-af22-1ffa93ebed61	idic.segment.changed.v1	2026-12-07 03:23:17.985906+00
treatment-service	ec5da526-7af8-4f8b-be09-6b75c87a80cd	idic.segment.changed.v1	2026-12-07 03:23:17.985906+00
treatment-service	50c16719-8efb-4588-b2b9-8172e1070aa0	idic.segment.changed.v1	2026-12-07 03:23:17.985906+00
treatment-service	1217b580-5345-4120-bc70-2318bd1c370e	idic.segment.changed.v1	2026-12-07 03:23:17.985906+00
treatment-service	313178ee-9ca1-4ccd-bbcb-6953375d7570	idic.customer.scored.v1	2026-12-07 03:23:17.985906+00
treatment-service	6058166c-e9bd-4d2c-9384-06b91689269f	idic.customer.scored.v1	2026-12-07 03:23:17.985906+00
treatment-service	816af78d-72ae-4421-8617-025e69bd5a07	idic.segment.changed.v1	2026-12-07 03:23:17.985906+00
treatment-service	39163b91-b2db-4827-affa-44a808612e8e	idic.segment.changed.v1	2026-12-07 03:23:17.985906+00
treatment-service	f7ecfb76-40b8-4be8-a4ed-17dcc13a9a14	idic.customer.scored.v1	2026-12-07 03:23:17.985906+00
treatment-service	6e08eb34-655f-40c9-98b6-d0f45c04264f	idic.customer.scored.v1	2026-12-07 03:23:17.985906+00
treatment-service	ab078061-ed80-4d77-9070-f233e6bb4900	idic.customer.scored.v1	2026-12-07 03:23:17.985906+00
treatment-service	458f826e-4a11-4c70-81a4-e3811002803b	idic.segment.changed.v1	2026-12-07 03:23:17.985906+00
treatment-service	7c5ed311-e626-484c-8979-7d5ee84a929e	idic.segment.changed.v1	2026-12-07 03:23:17.985906+00
treatment-service	284c7bf4-1eea-4b4f-b45d-2a0c3f9a3f8d	idic.segment.changed.v1	2026-12-07 03:23:17.985906+00
treatment-service	4dd408af-1a4b-4c5b-830c-7a4f4c70ed63	idic.interaction.recorded.v1	2026-12-07 03:23:18.908361+00
treatment-service	eb93f1ad-9221-475c-8d47-23ff25b079eb	idic.interaction.recorded.v1	2026-12-07 03:23:18.908361+00
treatment-service	df326395-6525-4056-8e34-947b9bf6aa07	idic.interaction.recorded.v1	2026-12-07 03:23:18.961976+00
treatment-service-webhooks	d01393ee-9e52-4428-afc0-2bffeabdba39	idic.treatment.delivered.v1	2026-12-07 03:23:18.987812+00
treatment-service-webhooks	13e38aff-a62a-40e5-8495-5f28130fe398	idic.treatment.outcome_recorded.v1	2026-12-07 03:23:19.026171+00
treatment-service-webhooks	51863d60-2f73-41f5-b8d8-4eb2d286f579	idic.treatment.outcome_recorded.v1	2026-12-07 03:23:19.167432+00
treatment-service	709efeb0-6a33-44f6-9e75-00c8435665a5	idic.interaction.recorded.v1	2026-12-07 03:23:19.363198+00
treatment-service	03635621-d6d3-4d27-8243-9b80c6786400	idic.interaction.recorded.v1	2026-12-07 03:23:19.418023+00
treatment-service-webhooks	7f818c89-654f-4f89-ba99-c6d16946ff96	idic.interaction.recorded.v1	2026-12-07 03:23:19.501982+00
treatment-service	8dd1c6dc-0d37-4f34-ab30-b440c50b2cac	idic.customer.scored.v1	2026-12-07 03:23:19.575047+00
treatment-service-webhooks	4f799188-0769-4fb0-84d3-f7524e2f64c5	idic.treatment.decided.v1	2026-12-07 03:23:24.399349+00
treatment-service-webhooks	9886e622-6ea2-4e05-987d-656a0a535077	idic.treatment.delivered.v1	2026-12-07 03:23:24.399349+00
treatment-service	060856f7-a33d-428e-b137-8e999ce792bf	idic.interaction.recorded.v1	2026-12-07 03:23:24.433327+00
treatment-service	d3fea67e-12a3-4558-8991-4a4b8776a4e4	idic.interaction.recorded.v1	2026-12-07 03:23:24.559685+00
treatment-service-webhooks	5f13b7b6-c71f-4220-a1a5-b3027a869d63	idic.treatment.delivered.v1	2026-12-07 03:23:24.674928+00
treatment-service-webhooks	a35d9f38-1f8d-4434-9701-9e43a52a1bf5	idic.treatment.decided.v1	2026-12-07 03:23:24.674928+00
treatment-service-webhooks	23d60203-db8d-410f-bfb8-b5c5bf019eef	idic.treatment.delivered.v1	2026-12-07 03:23:24.674928+00
treatment-service-webhooks	f142440d-647c-4df8-a80c-072976995f9f	idic.interaction.recorded.v1	2026-12-07 03:23:24.730347+00
treatment-service-webhooks	5ab6bfe1-bbe9-470a-afa4-25efdc4b97b9	idic.interaction.recorded.v1	2026-12-07 03:23:24.730347+00
treatment-service-webhooks	81b2abbb-4ccd-4c1c-acca-70cdd9889bd9	idic.treatment.delivered.v1	2026-12-07 03:23:24.863587+00
treatment-service-webhooks	1305057c-722e-4a5f-aca2-261036dc12a4	idic.treatment.decided.v1	2026-12-07 03:23:24.863587+00
treatment-service-webhooks	afa5405c-8bb9-478b-ae6e-5d1829b76e11	idic.treatment.delivered.v1	2026-12-07 03:23:24.863587+00
treatment-service-webhooks	f997ecae-22e4-416f-a18a-e3a558a0ed3a	idic.treatment.delivered.v1	2026-12-07 03:23:24.863587+00
treatment-service-webhooks	0e6c5ccb-26ea-4b76-838d-af8be04a1fc2	idic.interaction.recorded.v1	2026-12-07 03:23:24.948492+00
treatment-service-webhooks	c8c7b13b-66ae-4061-b317-0d0fc046f995	idic.interaction.recorded.v1	2026-12-07 03:23:24.948492+00
treatment-service-webhooks	62e2a869-437e-4207-9be7-1da83e6eac4e	idic.interaction.recorded.v1	2026-12-07 03:23:24.948492+00
treatment-service-webhooks	fb41b41b-22c9-44bf-9a36-292dc5bdf732	idic.segment.changed.v1	2026-12-07 03:23:25.027513+00
treatment-service-webhooks	9b8edfe0-f19d-402f-a996-f17c31ce4926	idic.segment.changed.v1	2026-12-07 03:23:25.027513+00
treatment-service-webhooks	4cb81973-1a4d-4f1f-bc51-b2c2742419f7	idic.treatment.decided.v1	2026-12-07 03:23:18.355756+00
treatment-service-webhooks	64c0d446-f5e2-4c57-91b3-12daa1a55476	idic.treatment.decided.v1	2026-12-07 03:23:18.355756+00
treatment-service-webhooks	f1173927-62f7-4429-a05a-d0b6527f0590	idic.treatment.decided.v1	2026-12-07 03:23:18.355756+00
treatment-service-webhooks	12b72e52-2e26-4c4c-8353-3ba70439c26f	idic.treatment.decided.v1	2026-12-07 03:23:18.355756+00
treatment-service-webhooks	26d0cdc7-8782-48d0-b6fd-5830ab3abf03	idic.treatment.decided.v1	2026-12-07 03:23:18.355756+00
treatment-service-webhooks	ffbbc183-9570-42c7-b13a-59b7fcbce9a1	idic.treatment.decided.v1	2026-12-07 03:23:18.355756+00
treatment-service-webhooks	2dbd6d13-590e-46c4-bbe4-b53274aebb38	idic.treatment.decided.v1	2026-12-07 03:23:18.355756+00
treatment-service-webhooks	80312eb2-a6e7-4ac5-a829-b8546e7cf690	idic.treatment.decided.v1	2026-12-07 03:23:18.355756+00
treatment-service-webhooks	900b31af-fd0a-4c42-9567-417308714fe9	idic.treatment.decided.v1	2026-12-07 03:23:18.355756+00
treatment-service-webhooks	e38c9d1a-67b9-49d3-b9e1-7e63a26d1afa	idic.treatment.decided.v1	2026-12-07 03:23:18.355756+00
treatment-service-webhooks	36ac4ef3-89aa-468f-b968-974c05682f35	idic.treatment.decided.v1	2026-12-07 03:23:18.355756+00
treatment-service-webhooks	1bbe88cb-026d-4013-b301-9039693ce6e5	idic.treatment.decided.v1	2026-12-07 03:23:18.355756+00
treatment-service-webhooks	456eb753-c80a-491b-9a3f-f3a2e4e29b14	idic.treatment.decided.v1	2026-12-07 03:23:18.355756+00
treatment-service-webhooks	c7f1ac93-e1ff-4378-8b0d-33eb52fca926	idic.treatment.decided.v1	2026-12-07 03:23:18.355756+00
treatment-service-webhooks	cfb1e872-637d-4f15-9814-dab6b9096e11	idic.treatment.decided.v1	2026-12-07 03:23:18.355756+00
treatment-service-webhooks	028d7496-6449-43f8-85ec-46c717a86455	idic.treatment.decided.v1	2026-12-07 03:23:18.355756+00
treatment-service-webhooks	c43952d6-1ea7-471f-8659-a582dc04c943	idic.treatment.decided.v1	2026-12-07 03:23:18.355756+00
treatment-service-webhooks	522d55d3-06b6-4092-9da8-8efd10a7cf80	idic.treatment.decided.v1	2026-12-07 03:23:18.355756+00
treatment-service-webhooks	bc7152ad-0b3a-4000-980b-2fe0f550a8f3	idic.treatment.decided.v1	2026-12-07 03:23:18.355756+00
treatment-service-webhooks	9fb8eade-c518-460a-8863-06ea8edb1c73	idic.treatment.decided.v1	2026-12-07 03:23:18.355756+00
treatment-service-webhooks	1f1e4757-c975-4941-bfe4-fdedbadc0eee	idic.treatment.decided.v1	2026-12-07 03:23:18.355756+00
treatment-service-webhooks	da2019d4-2f54-4152-9383-b2d0ab625a44	idic.treatment.decided.v1	2026-12-07 03:23:18.355756+00
treatment-service-webhooks	4fbeb8df-e39c-4212-99c2-bfc5652b2c1f	idic.treatment.decided.v1	2026-12-07 03:23:18.355756+00
treatment-service-webhooks	13b94870-1eac-4b04-a83e-71a9d4ea11ee	idic.treatment.decided.v1	2026-12-07 03:23:18.355756+00
treatment-service-webhooks	0e3564ed-766a-4d30-8fca-c7a4f6c8637f	idic.treatment.decided.v1	2026-12-07 03:23:18.355756+00
treatment-service-webhooks	ac1345dc-9481-4c04-ada0-7cffdcd517f4	idic.treatment.delivered.v1	2026-12-07 03:23:18.784937+00
treatment-service-webhooks	9a430f90-186c-4411-9549-712e76775a2f	idic.treatment.delivered.v1	2026-12-07 03:23:18.784937+00
treatment-service-webhooks	92dce30d-8477-4334-9411-c191256c9b53	idic.treatment.outcome_recorded.v1	2026-12-07 03:23:19.069104+00
treatment-service-webhooks	8ba5567e-9799-4ee9-a1ce-70cc0b68a8df	idic.interaction.recorded.v1	2026-12-07 03:23:19.138758+00
treatment-service-webhooks	2fe2f7ee-9015-477b-81a5-da0ab25570f1	idic.interaction.recorded.v1	2026-12-07 03:23:19.138758+00
treatment-service-webhooks	eea005ca-0b56-4db7-8876-6ba77fa7e663	idic.interaction.recorded.v1	2026-12-07 03:23:19.138758+00
treatment-service-webhooks	37e1dd7c-9018-46f9-a666-359c68037594	idic.interaction.recorded.v1	2026-12-07 03:23:19.245431+00
treatment-service-webhooks	df8ce892-e1b0-4164-9a49-58f3af619545	idic.interaction.recorded.v1	2026-12-07 03:23:19.245431+00
treatment-service-webhooks	753a15e6-4c23-40e8-aefc-8dfc9485e5b3	idic.interaction.recorded.v1	2026-12-07 03:23:19.245431+00
treatment-service-webhooks	39b7d02b-c471-46ce-8caf-361aad23ec24	idic.interaction.recorded.v1	2026-12-07 03:23:19.245431+00
treatment-service-webhooks	709efeb0-6a33-44f6-9e75-00c8435665a5	idic.interaction.recorded.v1	2026-12-07 03:23:19.330411+00
treatment-service-webhooks	03635621-d6d3-4d27-8243-9b80c6786400	idic.interaction.recorded.v1	2026-12-07 03:23:19.368391+00
treatment-service-webhooks	494232a9-3e54-4601-bd5c-3c446bfb625e	idic.segment.changed.v1	2026-12-07 03:23:19.450689+00
treatment-service-webhooks	49c895a1-b04d-4142-9bad-f5510844ddd7	idic.segment.changed.v1	2026-12-07 03:23:19.450689+00
treatment-service	7f818c89-654f-4f89-ba99-c6d16946ff96	idic.interaction.recorded.v1	2026-12-07 03:23:19.53212+00
treatment-service-webhooks	060856f7-a33d-428e-b137-8e999ce792bf	idic.interaction.recorded.v1	2026-12-07 03:23:24.426375+00
treatment-service	5ab6bfe1-bbe9-470a-afa4-25efdc4b97b9	idic.interaction.recorded.v1	2026-12-07 03:23:24.759858+00
treatment-service	0e6c5ccb-26ea-4b76-838d-af8be04a1fc2	idic.interaction.recorded.v1	2026-12-07 03:23:24.981105+00
treatment-service	c8c7b13b-66ae-4061-b317-0d0fc046f995	idic.interaction.recorded.v1	2026-12-07 03:23:24.981105+00
treatment-service	62e2a869-437e-4207-9be7-1da83e6eac4e	idic.interaction.recorded.v1	2026-12-07 03:23:24.981105+00
treatment-service	fb41b41b-22c9-44bf-9a36-292dc5bdf732	idic.segment.changed.v1	2026-12-07 03:23:25.047058+00
treatment-service	9b8edfe0-f19d-402f-a996-f17c31ce4926	idic.segment.changed.v1	2026-12-07 03:23:25.047058+00
\.


--
-- Data for Name: outbox; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.outbox (id, event_id, topic, key, event_type, body, created_at, sent_at) FROM stdin;
32	bd011dbd-8f5f-4920-a8ae-6d388d74ba88	idic.treatment	97068038-88a0-4fa2-b501-38e3f7c00a98	idic.treatment.delivered.v1	{"specversion":"1.0","id":"bd011dbd-8f5f-4920-a8ae-6d388d74ba88","source":"/treatment-service","type":"idic.treatment.delivered.v1","time":"2026-12-07T03:23:18.864793Z","subject":"97068038-88a0-4fa2-b501-38e3f7c00a98","datacontenttype":"application/json","data":{"treatment_id":"efa96d20-5404-40c7-9a92-b8de59c3ff6b","customer_id":"97068038-88a0-4fa2-b501-38e3f7c00a98","action_id":"cross-sell-needs","kind":"cross_sell","channel":"email","rule_id":"cross-sell-needs","via":"api","delivered_at":"2026-12-07T03:23:18.821477Z"},"requestid":"cedda61b-275c-438d-b22f-cdd99f14c765"}	2026-12-07 03:23:18.866049+00	2026-12-07 03:23:18.911615+00
31	829a1569-651b-4534-90e2-8211327e1d78	idic.treatment	97068038-88a0-4fa2-b501-38e3f7c00a98	idic.treatment.delivered.v1	{"specversion":"1.0","id":"829a1569-651b-4534-90e2-8211327e1d78","source":"/treatment-service","type":"idic.treatment.delivered.v1","time":"2026-12-07T03:23:18.859162Z","subject":"97068038-88a0-4fa2-b501-38e3f7c00a98","datacontenttype":"application/json","data":{"treatment_id":"38a59278-1721-4aab-95bf-2b0aa2a5be3b","customer_id":"97068038-88a0-4fa2-b501-38e3f7c00a98","action_id":"welcome-message","kind":"message","channel":"email","rule_id":"welcome-first-purchase","via":"api","delivered_at":"2026-12-07T03:23:18.821477Z"},"requestid":"cedda61b-275c-438d-b22f-cdd99f14c765"}	2026-12-07 03:23:18.866049+00	2026-12-07 03:23:18.911615+00
33	d01393ee-9e52-4428-afc0-2bffeabdba39	idic.treatment	fa9866ab-bd1e-4869-aabd-0dd58680d87e	idic.treatment.delivered.v1	{"specversion":"1.0","id":"d01393ee-9e52-4428-afc0-2bffeabdba39","source":"/treatment-service","type":"idic.treatment.delivered.v1","time":"2026-12-07T03:23:18.962590Z","subject":"fa9866ab-bd1e-4869-aabd-0dd58680d87e","datacontenttype":"application/json","data":{"treatment_id":"5597ba25-c348-457c-a6cb-5242b2fd6e7b","customer_id":"fa9866ab-bd1e-4869-aabd-0dd58680d87e","action_id":"cross-sell-needs","kind":"cross_sell","channel":"email","rule_id":"cross-sell-needs","via":"api","delivered_at":"2026-12-07T03:23:18.956260Z"},"requestid":"9687ca04-a71a-4a14-946b-352af841953b"}	2026-12-07 03:23:18.963761+00	2026-12-07 03:23:18.986029+00
35	92dce30d-8477-4334-9411-c191256c9b53	idic.treatment	13ad1c9b-63da-4a3a-b567-6ed3ac92804c	idic.treatment.outcome_recorded.v1	{"specversion":"1.0","id":"92dce30d-8477-4334-9411-c191256c9b53","source":"/treatment-service","type":"idic.treatment.outcome_recorded.v1","time":"2026-12-07T03:23:19.050139Z","subject":"13ad1c9b-63da-4a3a-b567-6ed3ac92804c","datacontenttype":"application/json","data":{"treatment_id":"c7cf375b-a6b6-469e-8b19-3478367f5cdd","customer_id":"13ad1c9b-63da-4a3a-b567-6ed3ac92804c","outcome":"converted","action_id":"cross-sell-needs","kind":"cross_sell","channel":"email","recorded_at":"2026-12-07T03:23:19.043488Z","rule_id":"cross-sell-needs","amount":"64.00","currency":"EUR"},"requestid":"29873333-3dd6-4628-b9f6-76b3b23b5572"}	2026-12-07 03:23:19.051411+00	2026-12-07 03:23:19.073135+00
37	51863d60-2f73-41f5-b8d8-4eb2d286f579	idic.treatment	fa9866ab-bd1e-4869-aabd-0dd58680d87e	idic.treatment.outcome_recorded.v1	{"specversion":"1.0","id":"51863d60-2f73-41f5-b8d8-4eb2d286f579","source":"/treatment-service","type":"idic.treatment.outcome_recorded.v1","time":"2026-12-07T03:23:19.124298Z","subject":"fa9866ab-bd1e-4869-aabd-0dd58680d87e","datacontenttype":"application/json","data":{"treatment_id":"5597ba25-c348-457c-a6cb-5242b2fd6e7b","customer_id":"fa9866ab-bd1e-4869-aabd-0dd58680d87e","outcome":"accepted","action_id":"cross-sell-needs","kind":"cross_sell","channel":"email","recorded_at":"2026-12-07T03:23:19.119063Z","rule_id":"cross-sell-needs","amount":null,"currency":null},"requestid":"3fed8164-f670-48ce-b85b-459c5b4f7c71"}	2026-12-07 03:23:19.126205+00	2026-12-07 03:23:19.158615+00
40	4f799188-0769-4fb0-84d3-f7524e2f64c5	idic.treatment	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	idic.treatment.decided.v1	{"specversion":"1.0","id":"4f799188-0769-4fb0-84d3-f7524e2f64c5","source":"/treatment-service","type":"idic.treatment.decided.v1","time":"2026-12-07T03:23:24.370862Z","subject":"89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5","datacontenttype":"application/json","data":{"treatment_id":"0fe90d9d-8f8c-4577-9ad6-4a45e8d3e6e9","customer_id":"89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5","action_id":"vip-service","kind":"service_level","channel":null,"rule_id":"vip-service-level","rule_version":1,"score":0.9333,"value":null,"reasons":["value.tier == most_valuable","rule 'VIP service level for the most valuable customers' v1, priority 90","propensity 0.93 (1 of 1 accepted in segment champions)"],"decided_at":"2026-12-07T03:23:24.356750Z","cause_event_id":null,"expires_at":"2026-12-14T03:23:24.356750Z"},"requestid":"c280d5f6-e29b-4d77-9849-2d7943fd1976"}	2026-12-07 03:23:24.374409+00	2026-12-07 03:23:24.395041+00
34	13e38aff-a62a-40e5-8495-5f28130fe398	idic.treatment	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	idic.treatment.outcome_recorded.v1	{"specversion":"1.0","id":"13e38aff-a62a-40e5-8495-5f28130fe398","source":"/treatment-service","type":"idic.treatment.outcome_recorded.v1","time":"2026-12-07T03:23:19.006650Z","subject":"89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5","datacontenttype":"application/json","data":{"treatment_id":"074c4c6c-e1d1-4fb5-8a40-60a7a3d43a90","customer_id":"89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5","outcome":"accepted","action_id":"vip-service","kind":"service_level","channel":null,"recorded_at":"2026-12-07T03:23:18.996381Z","rule_id":"vip-service-level","amount":null,"currency":null},"requestid":"a1046f53-2d60-4027-a05b-aa26ea922220"}	2026-12-07 03:23:19.007505+00	2026-12-07 03:23:19.024586+00
36	4b795a1a-05ab-4354-a1ca-ced7ae05f130	idic.treatment	97068038-88a0-4fa2-b501-38e3f7c00a98	idic.treatment.outcome_recorded.v1	{"specversion":"1.0","id":"4b795a1a-05ab-4354-a1ca-ced7ae05f130","source":"/treatment-service","type":"idic.treatment.outcome_recorded.v1","time":"2026-12-07T03:23:19.087842Z","subject":"97068038-88a0-4fa2-b501-38e3f7c00a98","datacontenttype":"application/json","data":{"treatment_id":"6b5b032e-ade8-4f17-9102-104ec7aa1c1a","customer_id":"97068038-88a0-4fa2-b501-38e3f7c00a98","outcome":"declined","action_id":"vip-service","kind":"service_level","channel":null,"recorded_at":"2026-12-07T03:23:19.083458Z","rule_id":"vip-service-level","amount":null,"currency":null},"requestid":"56a0869c-0acb-4ab2-938a-500b683e8af8"}	2026-12-07 03:23:19.089047+00	2026-12-07 03:23:19.109037+00
42	1fdf6bb9-0dfe-4488-bf02-51cf28f8aa67	idic.treatment	13ad1c9b-63da-4a3a-b567-6ed3ac92804c	idic.treatment.decided.v1	{"specversion":"1.0","id":"1fdf6bb9-0dfe-4488-bf02-51cf28f8aa67","source":"/treatment-service","type":"idic.treatment.decided.v1","time":"2026-12-07T03:23:24.484443Z","subject":"13ad1c9b-63da-4a3a-b567-6ed3ac92804c","datacontenttype":"application/json","data":{"treatment_id":"18169775-fe40-4d45-b514-60006e6dd84b","customer_id":"13ad1c9b-63da-4a3a-b567-6ed3ac92804c","action_id":"cross-sell-needs","kind":"cross_sell","channel":"email","rule_id":"cross-sell-needs","rule_version":1,"score":0.4333,"value":null,"reasons":["segments.needs is known","value.tier maintain in ['most_valuable', 'most_growable', 'maintain']","rule \\"Cross-sell from the customer's needs segment\\" v1, priority 40","propensity 0.43 (1 of 1 accepted in segment potential_loyalists)"],"decided_at":"2026-12-07T03:23:24.479885Z","cause_event_id":null,"expires_at":"2026-12-14T03:23:24.479885Z"},"requestid":"a3d96063-11ad-4239-8f43-8403bb41b110"}	2026-12-07 03:23:24.485264+00	2026-12-07 03:23:24.500194+00
43	02b66c6e-4342-44a1-ab8b-320a2f110269	idic.treatment	13ad1c9b-63da-4a3a-b567-6ed3ac92804c	idic.treatment.delivered.v1	{"specversion":"1.0","id":"02b66c6e-4342-44a1-ab8b-320a2f110269","source":"/treatment-service","type":"idic.treatment.delivered.v1","time":"2026-12-07T03:23:24.484505Z","subject":"13ad1c9b-63da-4a3a-b567-6ed3ac92804c","datacontenttype":"application/json","data":{"treatment_id":"18169775-fe40-4d45-b514-60006e6dd84b","customer_id":"13ad1c9b-63da-4a3a-b567-6ed3ac92804c","action_id":"cross-sell-needs","kind":"cross_sell","channel":"email","rule_id":"cross-sell-needs","via":"api","delivered_at":"2026-12-07T03:23:24.479885Z"},"requestid":"a3d96063-11ad-4239-8f43-8403bb41b110"}	2026-12-07 03:23:24.485264+00	2026-12-07 03:23:24.500194+00
44	5f13b7b6-c71f-4220-a1a5-b3027a869d63	idic.treatment	fa9866ab-bd1e-4869-aabd-0dd58680d87e	idic.treatment.delivered.v1	{"specversion":"1.0","id":"5f13b7b6-c71f-4220-a1a5-b3027a869d63","source":"/treatment-service","type":"idic.treatment.delivered.v1","time":"2026-12-07T03:23:24.650581Z","subject":"fa9866ab-bd1e-4869-aabd-0dd58680d87e","datacontenttype":"application/json","data":{"treatment_id":"559903f4-8595-4be7-9136-7241c0735c7f","customer_id":"fa9866ab-bd1e-4869-aabd-0dd58680d87e","action_id":"vip-service","kind":"service_level","channel":null,"rule_id":"vip-service-level","via":"api","delivered_at":"2026-12-07T03:23:24.647193Z"},"requestid":"806d5ae1-dace-440a-bf46-d0139ce61d61"}	2026-12-07 03:23:24.657116+00	2026-12-07 03:23:24.672937+00
41	9886e622-6ea2-4e05-987d-656a0a535077	idic.treatment	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	idic.treatment.delivered.v1	{"specversion":"1.0","id":"9886e622-6ea2-4e05-987d-656a0a535077","source":"/treatment-service","type":"idic.treatment.delivered.v1","time":"2026-12-07T03:23:24.370928Z","subject":"89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5","datacontenttype":"application/json","data":{"treatment_id":"0fe90d9d-8f8c-4577-9ad6-4a45e8d3e6e9","customer_id":"89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5","action_id":"vip-service","kind":"service_level","channel":null,"rule_id":"vip-service-level","via":"api","delivered_at":"2026-12-07T03:23:24.356750Z"},"requestid":"c280d5f6-e29b-4d77-9849-2d7943fd1976"}	2026-12-07 03:23:24.374409+00	2026-12-07 03:23:24.395041+00
1	e38c9d1a-67b9-49d3-b9e1-7e63a26d1afa	idic.treatment	4d05237e-6358-4bba-98cd-0790904b9ea7	idic.treatment.decided.v1	{"specversion":"1.0","id":"e38c9d1a-67b9-49d3-b9e1-7e63a26d1afa","source":"/treatment-service","type":"idic.treatment.decided.v1","time":"2026-12-07T03:23:17.696308Z","subject":"4d05237e-6358-4bba-98cd-0790904b9ea7","datacontenttype":"application/json","data":{"treatment_id":"d50838c0-d9a8-4f61-9ad9-ba7e472e7ccd","customer_id":"4d05237e-6358-4bba-98cd-0790904b9ea7","action_id":"retention-offer","kind":"retention","channel":"email","rule_id":"retention-churn-risk","rule_version":2,"score":0.5,"value":null,"reasons":["value.churn_risk 0.68 >= 0.6","rule 'Retention offer when churn risk is high' v2, priority 80","propensity 0.50 (prior, no outcomes yet in segment at_risk)"],"decided_at":"2026-12-07T03:23:17.667175Z","cause_event_id":"4c3e1463-e805-4a08-afa5-a14476073dc9","expires_at":"2026-12-14T03:23:17.667175Z"}}	2026-12-07 03:23:17.987642+00	2026-12-07 03:23:18.369155+00
2	36ac4ef3-89aa-468f-b968-974c05682f35	idic.treatment	b4caf633-1739-41d9-80eb-409092bd7b01	idic.treatment.decided.v1	{"specversion":"1.0","id":"36ac4ef3-89aa-468f-b968-974c05682f35","source":"/treatment-service","type":"idic.treatment.decided.v1","time":"2026-12-07T03:23:17.730896Z","subject":"b4caf633-1739-41d9-80eb-409092bd7b01","datacontenttype":"application/json","data":{"treatment_id":"9b457ee3-9165-427f-97a2-fdf7b96a61ff","customer_id":"b4caf633-1739-41d9-80eb-409092bd7b01","action_id":"cross-sell-needs","kind":"cross_sell","channel":"email","rule_id":"cross-sell-needs","rule_version":1,"score":0.15,"value":null,"reasons":["segments.needs is known","value.tier maintain in ['most_valuable', 'most_growable', 'maintain']","rule \\"Cross-sell from the customer's needs segment\\" v1, priority 40","propensity 0.15 (prior, no outcomes yet in segment lost)"],"decided_at":"2026-12-07T03:23:17.703439Z","cause_event_id":"af0bafa4-50fa-4013-8340-ffb5e635156a","expires_at":"2026-12-14T03:23:17.703439Z"}}	2026-12-07 03:23:17.987642+00	2026-12-07 03:23:18.369155+00
3	1bbe88cb-026d-4013-b301-9039693ce6e5	idic.treatment	d958b57f-4153-45fd-b447-b2834ebb92c6	idic.treatment.decided.v1	{"specversion":"1.0","id":"1bbe88cb-026d-4013-b301-9039693ce6e5","source":"/treatment-service","type":"idic.treatment.decided.v1","time":"2026-12-07T03:23:17.740992Z","subject":"d958b57f-4153-45fd-b447-b2834ebb92c6","datacontenttype":"application/json","data":{"treatment_id":"d2e6ba72-c53c-48d1-9a2b-9090fce82ba0","customer_id":"d958b57f-4153-45fd-b447-b2834ebb92c6","action_id":"cross-sell-needs","kind":"cross_sell","channel":"email","rule_id":"cross-sell-needs","rule_version":1,"score":0.15,"value":null,"reasons":["segments.needs is known","value.tier maintain in ['most_valuable', 'most_growable', 'maintain']","rule \\"Cross-sell from the customer's needs segment\\" v1, priority 40","propensity 0.15 (prior, no outcomes yet in segment lost)"],"decided_at":"2026-12-07T03:23:17.731220Z","cause_event_id":"b085036f-258d-498b-9c36-213ea7eac784","expires_at":"2026-12-14T03:23:17.731220Z"}}	2026-12-07 03:23:17.987642+00	2026-12-07 03:23:18.369155+00
4	456eb753-c80a-491b-9a3f-f3a2e4e29b14	idic.treatment	4d05237e-6358-4bba-98cd-0790904b9ea7	idic.treatment.decided.v1	{"specversion":"1.0","id":"456eb753-c80a-491b-9a3f-f3a2e4e29b14","source":"/treatment-service","type":"idic.treatment.decided.v1","time":"2026-12-07T03:23:17.754379Z","subject":"4d05237e-6358-4bba-98cd-0790904b9ea7","datacontenttype":"application/json","data":{"treatment_id":"36466e1c-1df4-4525-9035-09c62482d045","customer_id":"4d05237e-6358-4bba-98cd-0790904b9ea7","action_id":"cross-sell-needs","kind":"cross_sell","channel":"email","rule_id":"cross-sell-needs","rule_version":1,"score":0.15,"value":null,"reasons":["segments.needs is known","value.tier maintain in ['most_valuable', 'most_growable', 'maintain']","rule \\"Cross-sell from the customer's needs segment\\" v1, priority 40","propensity 0.15 (prior, no outcomes yet in segment at_risk)"],"decided_at":"2026-12-07T03:23:17.741320Z","cause_event_id":"0d1da34d-03f8-4e5a-8d60-d7ed59562511","expires_at":"2026-12-14T03:23:17.741320Z"}}	2026-12-07 03:23:17.987642+00	2026-12-07 03:23:18.369155+00
5	c7f1ac93-e1ff-4378-8b0d-33eb52fca926	idic.treatment	13ad1c9b-63da-4a3a-b567-6ed3ac92804c	idic.treatment.decided.v1	{"specversion":"1.0","id":"c7f1ac93-e1ff-4378-8b0d-33eb52fca926","source":"/treatment-service","type":"idic.treatment.decided.v1","time":"2026-12-07T03:23:17.777211Z","subject":"13ad1c9b-63da-4a3a-b567-6ed3ac92804c","datacontenttype":"application/json","data":{"treatment_id":"c7cf375b-a6b6-469e-8b19-3478367f5cdd","customer_id":"13ad1c9b-63da-4a3a-b567-6ed3ac92804c","action_id":"cross-sell-needs","kind":"cross_sell","channel":"email","rule_id":"cross-sell-needs","rule_version":1,"score":0.15,"value":null,"reasons":["segments.needs is known","value.tier maintain in ['most_valuable', 'most_growable', 'maintain']","rule \\"Cross-sell from the customer's needs segment\\" v1, priority 40","propensity 0.15 (prior, no outcomes yet in segment potential_loyalists)"],"decided_at":"2026-12-07T03:23:17.754729Z","cause_event_id":"6bc58291-1d01-4707-b801-97ee9d212a63","expires_at":"2026-12-14T03:23:17.754729Z"}}	2026-12-07 03:23:17.987642+00	2026-12-07 03:23:18.369155+00
6	9fb8eade-c518-460a-8863-06ea8edb1c73	idic.treatment	08830ee0-5e42-4aca-a818-7e709d2dfc6f	idic.treatment.decided.v1	{"specversion":"1.0","id":"9fb8eade-c518-460a-8863-06ea8edb1c73","source":"/treatment-service","type":"idic.treatment.decided.v1","time":"2026-12-07T03:23:17.802854Z","subject":"08830ee0-5e42-4aca-a818-7e709d2dfc6f","datacontenttype":"application/json","data":{"treatment_id":"b9260dc4-5cae-4a11-a9da-d54d26bc7193","customer_id":"08830ee0-5e42-4aca-a818-7e709d2dfc6f","action_id":"retention-offer","kind":"retention","channel":"email","rule_id":"retention-churn-risk","rule_version":2,"score":0.5,"value":null,"reasons":["value.churn_risk 0.68 >= 0.6","rule 'Retention offer when churn risk is high' v2, priority 80","propensity 0.50 (prior, no outcomes yet in segment loyal)"],"decided_at":"2026-12-07T03:23:17.777522Z","cause_event_id":"fe648cd6-eb0f-45c6-a961-11b7829d19f7","expires_at":"2026-12-14T03:23:17.777522Z"}}	2026-12-07 03:23:17.987642+00	2026-12-07 03:23:18.369155+00
7	1f1e4757-c975-4941-bfe4-fdedbadc0eee	idic.treatment	08830ee0-5e42-4aca-a818-7e709d2dfc6f	idic.treatment.decided.v1	{"specversion":"1.0","id":"1f1e4757-c975-4941-bfe4-fdedbadc0eee","source":"/treatment-service","type":"idic.treatment.decided.v1","time":"2026-12-07T03:23:17.812531Z","subject":"08830ee0-5e42-4aca-a818-7e709d2dfc6f","datacontenttype":"application/json","data":{"treatment_id":"2531ec99-7d40-4018-8afe-2438faef288e","customer_id":"08830ee0-5e42-4aca-a818-7e709d2dfc6f","action_id":"cross-sell-needs","kind":"cross_sell","channel":"email","rule_id":"cross-sell-needs","rule_version":1,"score":0.15,"value":null,"reasons":["segments.needs is known","value.tier maintain in ['most_valuable', 'most_growable', 'maintain']","rule \\"Cross-sell from the customer's needs segment\\" v1, priority 40","propensity 0.15 (prior, no outcomes yet in segment loyal)"],"decided_at":"2026-12-07T03:23:17.803172Z","cause_event_id":"8d430bec-eee8-4152-88df-709d1e78f740","expires_at":"2026-12-14T03:23:17.803172Z"}}	2026-12-07 03:23:17.987642+00	2026-12-07 03:23:18.369155+00
8	4cb81973-1a4d-4f1f-bc51-b2c2742419f7	idic.treatment	14d8bff5-ec73-4dd4-baaa-59e513562275	idic.treatment.decided.v1	{"specversion":"1.0","id":"4cb81973-1a4d-4f1f-bc51-b2c2742419f7","source":"/treatment-service","type":"idic.treatment.decided.v1","time":"2026-12-07T03:23:17.850346Z","subject":"14d8bff5-ec73-4dd4-baaa-59e513562275","datacontenttype":"application/json","data":{"treatment_id":"26613363-3735-4396-9e5e-eb1c5ba02912","customer_id":"14d8bff5-ec73-4dd4-baaa-59e513562275","action_id":"retention-offer","kind":"retention","channel":"email","rule_id":"retention-churn-risk","rule_version":2,"score":0.5,"value":null,"reasons":["value.churn_risk 0.69 >= 0.6","rule 'Retention offer when churn risk is high' v2, priority 80","propensity 0.50 (prior, no outcomes yet in segment hibernating)"],"decided_at":"2026-12-07T03:23:17.813077Z","cause_event_id":"e480177e-6a14-47f0-817b-672a78ee953b","expires_at":"2026-12-14T03:23:17.813077Z"}}	2026-12-07 03:23:17.987642+00	2026-12-07 03:23:18.369155+00
9	64c0d446-f5e2-4c57-91b3-12daa1a55476	idic.treatment	8825eae8-081f-4a92-8bd7-938f73c0273a	idic.treatment.decided.v1	{"specversion":"1.0","id":"64c0d446-f5e2-4c57-91b3-12daa1a55476","source":"/treatment-service","type":"idic.treatment.decided.v1","time":"2026-12-07T03:23:17.870004Z","subject":"8825eae8-081f-4a92-8bd7-938f73c0273a","datacontenttype":"application/json","data":{"treatment_id":"982ac147-48d3-47d5-b876-f5b7b2c0c4ec","customer_id":"8825eae8-081f-4a92-8bd7-938f73c0273a","action_id":"retention-loyalty","kind":"retention","channel":"phone","rule_id":"retention-valuable","rule_version":1,"score":0.4,"value":null,"reasons":["value.churn_risk 0.60 >= 0.5","value.tier most_growable in ['most_valuable', 'most_growable']","rule 'Retention offer for a valuable customer at churn risk' v1, priority 82","propensity 0.40 (prior, no outcomes yet in segment champions)"],"decided_at":"2026-12-07T03:23:17.850680Z","cause_event_id":"345fce50-6c34-445f-ad58-6aa4d2e8ccf2","expires_at":"2026-12-14T03:23:17.850680Z"}}	2026-12-07 03:23:17.987642+00	2026-12-07 03:23:18.369155+00
10	f1173927-62f7-4429-a05a-d0b6527f0590	idic.treatment	97068038-88a0-4fa2-b501-38e3f7c00a98	idic.treatment.decided.v1	{"specversion":"1.0","id":"f1173927-62f7-4429-a05a-d0b6527f0590","source":"/treatment-service","type":"idic.treatment.decided.v1","time":"2026-12-07T03:23:17.882961Z","subject":"97068038-88a0-4fa2-b501-38e3f7c00a98","datacontenttype":"application/json","data":{"treatment_id":"6b5b032e-ade8-4f17-9102-104ec7aa1c1a","customer_id":"97068038-88a0-4fa2-b501-38e3f7c00a98","action_id":"vip-service","kind":"service_level","channel":null,"rule_id":"vip-service-level","rule_version":1,"score":0.9,"value":null,"reasons":["value.tier == most_valuable","rule 'VIP service level for the most valuable customers' v1, priority 90","propensity 0.90 (prior, no outcomes yet in segment new)"],"decided_at":"2026-12-07T03:23:17.876725Z","cause_event_id":"a4920f3a-173e-4e81-b19c-2be4cda6b6dd","expires_at":"2026-12-14T03:23:17.876725Z"}}	2026-12-07 03:23:17.987642+00	2026-12-07 03:23:18.369155+00
11	12b72e52-2e26-4c4c-8353-3ba70439c26f	idic.treatment	c2ee74f2-5e8c-4433-ae84-ae4a56967308	idic.treatment.decided.v1	{"specversion":"1.0","id":"12b72e52-2e26-4c4c-8353-3ba70439c26f","source":"/treatment-service","type":"idic.treatment.decided.v1","time":"2026-12-07T03:23:17.890455Z","subject":"c2ee74f2-5e8c-4433-ae84-ae4a56967308","datacontenttype":"application/json","data":{"treatment_id":"a91e1d84-e201-4846-9e34-030b104fc120","customer_id":"c2ee74f2-5e8c-4433-ae84-ae4a56967308","action_id":"vip-service","kind":"service_level","channel":null,"rule_id":"vip-service-level","rule_version":1,"score":0.9,"value":null,"reasons":["value.tier == most_valuable","rule 'VIP service level for the most valuable customers' v1, priority 90","propensity 0.90 (prior, no outcomes yet in segment new)"],"decided_at":"2026-12-07T03:23:17.883240Z","cause_event_id":"fe3665c1-23c7-49f0-a5b3-c116ff101a44","expires_at":"2026-12-14T03:23:17.883240Z"}}	2026-12-07 03:23:17.987642+00	2026-12-07 03:23:18.369155+00
12	26d0cdc7-8782-48d0-b6fd-5830ab3abf03	idic.treatment	14d8bff5-ec73-4dd4-baaa-59e513562275	idic.treatment.decided.v1	{"specversion":"1.0","id":"26d0cdc7-8782-48d0-b6fd-5830ab3abf03","source":"/treatment-service","type":"idic.treatment.decided.v1","time":"2026-12-07T03:23:17.897933Z","subject":"14d8bff5-ec73-4dd4-baaa-59e513562275","datacontenttype":"application/json","data":{"treatment_id":"0dc74c85-3f43-406c-a2dd-1e5d9956d4c5","customer_id":"14d8bff5-ec73-4dd4-baaa-59e513562275","action_id":"cross-sell-needs","kind":"cross_sell","channel":"email","rule_id":"cross-sell-needs","rule_version":1,"score":0.15,"value":null,"reasons":["segments.needs is known","value.tier maintain in ['most_valuable', 'most_growable', 'maintain']","rule \\"Cross-sell from the customer's needs segment\\" v1, priority 40","propensity 0.15 (prior, no outcomes yet in segment hibernating)"],"decided_at":"2026-12-07T03:23:17.890732Z","cause_event_id":"1aefe0a6-d6c6-405e-bd57-6a4861cb9046","expires_at":"2026-12-14T03:23:17.890732Z"}}	2026-12-07 03:23:17.987642+00	2026-12-07 03:23:18.369155+00
13	ffbbc183-9570-42c7-b13a-59b7fcbce9a1	idic.treatment	8825eae8-081f-4a92-8bd7-938f73c0273a	idic.treatment.decided.v1	{"specversion":"1.0","id":"ffbbc183-9570-42c7-b13a-59b7fcbce9a1","source":"/treatment-service","type":"idic.treatment.decided.v1","time":"2026-12-07T03:23:17.910577Z","subject":"8825eae8-081f-4a92-8bd7-938f73c0273a","datacontenttype":"application/json","data":{"treatment_id":"5aedc934-47a2-4684-9ce8-6d21c288f7fc","customer_id":"8825eae8-081f-4a92-8bd7-938f73c0273a","action_id":"cross-sell-needs","kind":"cross_sell","channel":"email","rule_id":"cross-sell-needs","rule_version":1,"score":0.15,"value":null,"reasons":["segments.needs is known","value.tier most_growable in ['most_valuable', 'most_growable', 'maintain']","rule \\"Cross-sell from the customer's needs segment\\" v1, priority 40","propensity 0.15 (prior, no outcomes yet in segment champions)"],"decided_at":"2026-12-07T03:23:17.900049Z","cause_event_id":"3aa09bc2-1ad3-4160-af22-1ffa93ebed61","expires_at":"2026-12-14T03:23:17.900049Z"}}	2026-12-07 03:23:17.987642+00	2026-12-07 03:23:18.369155+00
14	2dbd6d13-590e-46c4-bbe4-b53274aebb38	idic.treatment	293e9a25-9fe1-4484-84be-068ae33ff875	idic.treatment.decided.v1	{"specversion":"1.0","id":"2dbd6d13-590e-46c4-bbe4-b53274aebb38","source":"/treatment-service","type":"idic.treatment.decided.v1","time":"2026-12-07T03:23:17.917583Z","subject":"293e9a25-9fe1-4484-84be-068ae33ff875","datacontenttype":"application/json","data":{"treatment_id":"f6ebb3cc-3a93-42cc-beab-288b06d38492","customer_id":"293e9a25-9fe1-4484-84be-068ae33ff875","action_id":"cross-sell-needs","kind":"cross_sell","channel":"email","rule_id":"cross-sell-needs","rule_version":1,"score":0.15,"value":null,"reasons":["segments.needs is known","value.tier maintain in ['most_valuable', 'most_growable', 'maintain']","rule \\"Cross-sell from the customer's needs segment\\" v1, priority 40","propensity 0.15 (prior, no outcomes yet in segment lost)"],"decided_at":"2026-12-07T03:23:17.910850Z","cause_event_id":"ec5da526-7af8-4f8b-be09-6b75c87a80cd","expires_at":"2026-12-14T03:23:17.910850Z"}}	2026-12-07 03:23:17.987642+00	2026-12-07 03:23:18.369155+00
15	80312eb2-a6e7-4ac5-a829-b8546e7cf690	idic.treatment	97068038-88a0-4fa2-b501-38e3f7c00a98	idic.treatment.decided.v1	{"specversion":"1.0","id":"80312eb2-a6e7-4ac5-a829-b8546e7cf690","source":"/treatment-service","type":"idic.treatment.decided.v1","time":"2026-12-07T03:23:17.922363Z","subject":"97068038-88a0-4fa2-b501-38e3f7c00a98","datacontenttype":"application/json","data":{"treatment_id":"efa96d20-5404-40c7-9a92-b8de59c3ff6b","customer_id":"97068038-88a0-4fa2-b501-38e3f7c00a98","action_id":"cross-sell-needs","kind":"cross_sell","channel":"email","rule_id":"cross-sell-needs","rule_version":1,"score":0.15,"value":null,"reasons":["segments.needs is known","value.tier most_valuable in ['most_valuable', 'most_growable', 'maintain']","rule \\"Cross-sell from the customer's needs segment\\" v1, priority 40","propensity 0.15 (prior, no outcomes yet in segment new)"],"decided_at":"2026-12-07T03:23:17.917869Z","cause_event_id":"50c16719-8efb-4588-b2b9-8172e1070aa0","expires_at":"2026-12-14T03:23:17.917869Z"}}	2026-12-07 03:23:17.987642+00	2026-12-07 03:23:18.369155+00
16	900b31af-fd0a-4c42-9567-417308714fe9	idic.treatment	c2ee74f2-5e8c-4433-ae84-ae4a56967308	idic.treatment.decided.v1	{"specversion":"1.0","id":"900b31af-fd0a-4c42-9567-417308714fe9","source":"/treatment-service","type":"idic.treatment.decided.v1","time":"2026-12-07T03:23:17.931938Z","subject":"c2ee74f2-5e8c-4433-ae84-ae4a56967308","datacontenttype":"application/json","data":{"treatment_id":"d5ecfa98-c90d-4de7-afa9-908b203cc40a","customer_id":"c2ee74f2-5e8c-4433-ae84-ae4a56967308","action_id":"cross-sell-needs","kind":"cross_sell","channel":"email","rule_id":"cross-sell-needs","rule_version":1,"score":0.15,"value":null,"reasons":["segments.needs is known","value.tier most_valuable in ['most_valuable', 'most_growable', 'maintain']","rule \\"Cross-sell from the customer's needs segment\\" v1, priority 40","propensity 0.15 (prior, no outcomes yet in segment new)"],"decided_at":"2026-12-07T03:23:17.922722Z","cause_event_id":"1217b580-5345-4120-bc70-2318bd1c370e","expires_at":"2026-12-14T03:23:17.922722Z"}}	2026-12-07 03:23:17.987642+00	2026-12-07 03:23:18.369155+00
17	da2019d4-2f54-4152-9383-b2d0ab625a44	idic.treatment	3c8de731-5f16-48b6-ba14-3ad29d654f63	idic.treatment.decided.v1	{"specversion":"1.0","id":"da2019d4-2f54-4152-9383-b2d0ab625a44","source":"/treatment-service","type":"idic.treatment.decided.v1","time":"2026-12-07T03:23:17.938422Z","subject":"3c8de731-5f16-48b6-ba14-3ad29d654f63","datacontenttype":"application/json","data":{"treatment_id":"b634dc5c-5d85-4871-b7e3-d24e42b28cd6","customer_id":"3c8de731-5f16-48b6-ba14-3ad29d654f63","action_id":"retention-offer","kind":"retention","channel":"email","rule_id":"retention-churn-risk","rule_version":2,"score":0.5,"value":null,"reasons":["value.churn_risk 0.63 >= 0.6","rule 'Retention offer when churn risk is high' v2, priority 80","propensity 0.50 (prior, no outcomes yet in segment loyal)"],"decided_at":"2026-12-07T03:23:17.932226Z","cause_event_id":"313178ee-9ca1-4ccd-bbcb-6953375d7570","expires_at":"2026-12-14T03:23:17.932226Z"}}	2026-12-07 03:23:17.987642+00	2026-12-07 03:23:18.369155+00
18	4fbeb8df-e39c-4212-99c2-bfc5652b2c1f	idic.treatment	2a2813b2-d08f-41d5-87ff-045bacb126fc	idic.treatment.decided.v1	{"specversion":"1.0","id":"4fbeb8df-e39c-4212-99c2-bfc5652b2c1f","source":"/treatment-service","type":"idic.treatment.decided.v1","time":"2026-12-07T03:23:17.944086Z","subject":"2a2813b2-d08f-41d5-87ff-045bacb126fc","datacontenttype":"application/json","data":{"treatment_id":"705de272-60ad-4707-a805-cc79887f7289","customer_id":"2a2813b2-d08f-41d5-87ff-045bacb126fc","action_id":"retention-offer","kind":"retention","channel":"email","rule_id":"retention-churn-risk","rule_version":2,"score":0.5,"value":null,"reasons":["value.churn_risk 0.65 >= 0.6","rule 'Retention offer when churn risk is high' v2, priority 80","propensity 0.50 (prior, no outcomes yet in segment loyal)"],"decided_at":"2026-12-07T03:23:17.938873Z","cause_event_id":"6058166c-e9bd-4d2c-9384-06b91689269f","expires_at":"2026-12-14T03:23:17.938873Z"}}	2026-12-07 03:23:17.987642+00	2026-12-07 03:23:18.369155+00
19	13b94870-1eac-4b04-a83e-71a9d4ea11ee	idic.treatment	3c8de731-5f16-48b6-ba14-3ad29d654f63	idic.treatment.decided.v1	{"specversion":"1.0","id":"13b94870-1eac-4b04-a83e-71a9d4ea11ee","source":"/treatment-service","type":"idic.treatment.decided.v1","time":"2026-12-07T03:23:17.949891Z","subject":"3c8de731-5f16-48b6-ba14-3ad29d654f63","datacontenttype":"application/json","data":{"treatment_id":"d323a75e-3400-43e8-910c-7d338c8fe205","customer_id":"3c8de731-5f16-48b6-ba14-3ad29d654f63","action_id":"cross-sell-needs","kind":"cross_sell","channel":"email","rule_id":"cross-sell-needs","rule_version":1,"score":0.15,"value":null,"reasons":["segments.needs is known","value.tier maintain in ['most_valuable', 'most_growable', 'maintain']","rule \\"Cross-sell from the customer's needs segment\\" v1, priority 40","propensity 0.15 (prior, no outcomes yet in segment loyal)"],"decided_at":"2026-12-07T03:23:17.944320Z","cause_event_id":"816af78d-72ae-4421-8617-025e69bd5a07","expires_at":"2026-12-14T03:23:17.944320Z"}}	2026-12-07 03:23:17.987642+00	2026-12-07 03:23:18.369155+00
20	0e3564ed-766a-4d30-8fca-c7a4f6c8637f	idic.treatment	2a2813b2-d08f-41d5-87ff-045bacb126fc	idic.treatment.decided.v1	{"specversion":"1.0","id":"0e3564ed-766a-4d30-8fca-c7a4f6c8637f","source":"/treatment-service","type":"idic.treatment.decided.v1","time":"2026-12-07T03:23:17.957259Z","subject":"2a2813b2-d08f-41d5-87ff-045bacb126fc","datacontenttype":"application/json","data":{"treatment_id":"142bc5b2-b047-41f0-8ea1-122495ed4179","customer_id":"2a2813b2-d08f-41d5-87ff-045bacb126fc","action_id":"cross-sell-needs","kind":"cross_sell","channel":"email","rule_id":"cross-sell-needs","rule_version":1,"score":0.15,"value":null,"reasons":["segments.needs is known","value.tier maintain in ['most_valuable', 'most_growable', 'maintain']","rule \\"Cross-sell from the customer's needs segment\\" v1, priority 40","propensity 0.15 (prior, no outcomes yet in segment loyal)"],"decided_at":"2026-12-07T03:23:17.950126Z","cause_event_id":"39163b91-b2db-4827-affa-44a808612e8e","expires_at":"2026-12-14T03:23:17.950126Z"}}	2026-12-07 03:23:17.987642+00	2026-12-07 03:23:18.369155+00
21	cfb1e872-637d-4f15-9814-dab6b9096e11	idic.treatment	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	idic.treatment.decided.v1	{"specversion":"1.0","id":"cfb1e872-637d-4f15-9814-dab6b9096e11","source":"/treatment-service","type":"idic.treatment.decided.v1","time":"2026-12-07T03:23:17.963528Z","subject":"89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5","datacontenttype":"application/json","data":{"treatment_id":"074c4c6c-e1d1-4fb5-8a40-60a7a3d43a90","customer_id":"89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5","action_id":"vip-service","kind":"service_level","channel":null,"rule_id":"vip-service-level","rule_version":1,"score":0.9,"value":null,"reasons":["value.tier == most_valuable","rule 'VIP service level for the most valuable customers' v1, priority 90","propensity 0.90 (prior, no outcomes yet in segment champions)"],"decided_at":"2026-12-07T03:23:17.959721Z","cause_event_id":"6e08eb34-655f-40c9-98b6-d0f45c04264f","expires_at":"2026-12-14T03:23:17.959721Z"}}	2026-12-07 03:23:17.987642+00	2026-12-07 03:23:18.369155+00
22	028d7496-6449-43f8-85ec-46c717a86455	idic.treatment	dc992601-4056-4010-93c7-a04f3576c35d	idic.treatment.decided.v1	{"specversion":"1.0","id":"028d7496-6449-43f8-85ec-46c717a86455","source":"/treatment-service","type":"idic.treatment.decided.v1","time":"2026-12-07T03:23:17.968684Z","subject":"dc992601-4056-4010-93c7-a04f3576c35d","datacontenttype":"application/json","data":{"treatment_id":"72f71292-61f1-40c6-ae5b-ff27d0cfe816","customer_id":"dc992601-4056-4010-93c7-a04f3576c35d","action_id":"retention-loyalty","kind":"retention","channel":"phone","rule_id":"retention-valuable","rule_version":1,"score":0.4,"value":null,"reasons":["value.churn_risk 0.66 >= 0.5","value.tier most_growable in ['most_valuable', 'most_growable']","rule 'Retention offer for a valuable customer at churn risk' v1, priority 82","propensity 0.40 (prior, no outcomes yet in segment at_risk)"],"decided_at":"2026-12-07T03:23:17.963754Z","cause_event_id":"ab078061-ed80-4d77-9070-f233e6bb4900","expires_at":"2026-12-14T03:23:17.963754Z"}}	2026-12-07 03:23:17.987642+00	2026-12-07 03:23:18.369155+00
23	c43952d6-1ea7-471f-8659-a582dc04c943	idic.treatment	fa9866ab-bd1e-4869-aabd-0dd58680d87e	idic.treatment.decided.v1	{"specversion":"1.0","id":"c43952d6-1ea7-471f-8659-a582dc04c943","source":"/treatment-service","type":"idic.treatment.decided.v1","time":"2026-12-07T03:23:17.977455Z","subject":"fa9866ab-bd1e-4869-aabd-0dd58680d87e","datacontenttype":"application/json","data":{"treatment_id":"5597ba25-c348-457c-a6cb-5242b2fd6e7b","customer_id":"fa9866ab-bd1e-4869-aabd-0dd58680d87e","action_id":"cross-sell-needs","kind":"cross_sell","channel":"email","rule_id":"cross-sell-needs","rule_version":1,"score":0.15,"value":null,"reasons":["segments.needs is known","value.tier maintain in ['most_valuable', 'most_growable', 'maintain']","rule \\"Cross-sell from the customer's needs segment\\" v1, priority 40","propensity 0.15 (prior, no outcomes yet in segment champions)"],"decided_at":"2026-12-07T03:23:17.968901Z","cause_event_id":"458f826e-4a11-4c70-81a4-e3811002803b","expires_at":"2026-12-14T03:23:17.968901Z"}}	2026-12-07 03:23:17.987642+00	2026-12-07 03:23:18.369155+00
24	522d55d3-06b6-4092-9da8-8efd10a7cf80	idic.treatment	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	idic.treatment.decided.v1	{"specversion":"1.0","id":"522d55d3-06b6-4092-9da8-8efd10a7cf80","source":"/treatment-service","type":"idic.treatment.decided.v1","time":"2026-12-07T03:23:17.981176Z","subject":"89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5","datacontenttype":"application/json","data":{"treatment_id":"ed45a076-41a2-4804-a071-61bf5e31afb0","customer_id":"89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5","action_id":"cross-sell-needs","kind":"cross_sell","channel":"email","rule_id":"cross-sell-needs","rule_version":1,"score":0.15,"value":null,"reasons":["segments.needs is known","value.tier most_valuable in ['most_valuable', 'most_growable', 'maintain']","rule \\"Cross-sell from the customer's needs segment\\" v1, priority 40","propensity 0.15 (prior, no outcomes yet in segment champions)"],"decided_at":"2026-12-07T03:23:17.977748Z","cause_event_id":"7c5ed311-e626-484c-8979-7d5ee84a929e","expires_at":"2026-12-14T03:23:17.977748Z"}}	2026-12-07 03:23:17.987642+00	2026-12-07 03:23:18.369155+00
25	bc7152ad-0b3a-4000-980b-2fe0f550a8f3	idic.treatment	dc992601-4056-4010-93c7-a04f3576c35d	idic.treatment.decided.v1	{"specversion":"1.0","id":"bc7152ad-0b3a-4000-980b-2fe0f550a8f3","source":"/treatment-service","type":"idic.treatment.decided.v1","time":"2026-12-07T03:23:17.985625Z","subject":"dc992601-4056-4010-93c7-a04f3576c35d","datacontenttype":"application/json","data":{"treatment_id":"5518fc17-5541-4604-8e6c-d045cbe11492","customer_id":"dc992601-4056-4010-93c7-a04f3576c35d","action_id":"cross-sell-needs","kind":"cross_sell","channel":"email","rule_id":"cross-sell-needs","rule_version":1,"score":0.15,"value":null,"reasons":["segments.needs is known","value.tier most_growable in ['most_valuable', 'most_growable', 'maintain']","rule \\"Cross-sell from the customer's needs segment\\" v1, priority 40","propensity 0.15 (prior, no outcomes yet in segment at_risk)"],"decided_at":"2026-12-07T03:23:17.981457Z","cause_event_id":"284c7bf4-1eea-4b4f-b45d-2a0c3f9a3f8d","expires_at":"2026-12-14T03:23:17.981457Z"}}	2026-12-07 03:23:17.987642+00	2026-12-07 03:23:18.369155+00
26	ac1345dc-9481-4c04-ada0-7cffdcd517f4	idic.treatment	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	idic.treatment.delivered.v1	{"specversion":"1.0","id":"ac1345dc-9481-4c04-ada0-7cffdcd517f4","source":"/treatment-service","type":"idic.treatment.delivered.v1","time":"2026-12-07T03:23:18.675945Z","subject":"89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5","datacontenttype":"application/json","data":{"treatment_id":"074c4c6c-e1d1-4fb5-8a40-60a7a3d43a90","customer_id":"89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5","action_id":"vip-service","kind":"service_level","channel":null,"rule_id":"vip-service-level","via":"api","delivered_at":"2026-12-07T03:23:18.666512Z"},"requestid":"b3c7210d-fa55-4f72-8849-e17e71292235"}	2026-12-07 03:23:18.716053+00	2026-12-07 03:23:18.777813+00
27	9a430f90-186c-4411-9549-712e76775a2f	idic.treatment	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	idic.treatment.delivered.v1	{"specversion":"1.0","id":"9a430f90-186c-4411-9549-712e76775a2f","source":"/treatment-service","type":"idic.treatment.delivered.v1","time":"2026-12-07T03:23:18.709804Z","subject":"89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5","datacontenttype":"application/json","data":{"treatment_id":"ed45a076-41a2-4804-a071-61bf5e31afb0","customer_id":"89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5","action_id":"cross-sell-needs","kind":"cross_sell","channel":"email","rule_id":"cross-sell-needs","via":"api","delivered_at":"2026-12-07T03:23:18.666512Z"},"requestid":"b3c7210d-fa55-4f72-8849-e17e71292235"}	2026-12-07 03:23:18.716053+00	2026-12-07 03:23:18.777813+00
28	324215b4-1c54-46e7-9201-e8e89d835f44	idic.treatment	13ad1c9b-63da-4a3a-b567-6ed3ac92804c	idic.treatment.delivered.v1	{"specversion":"1.0","id":"324215b4-1c54-46e7-9201-e8e89d835f44","source":"/treatment-service","type":"idic.treatment.delivered.v1","time":"2026-12-07T03:23:18.778286Z","subject":"13ad1c9b-63da-4a3a-b567-6ed3ac92804c","datacontenttype":"application/json","data":{"treatment_id":"c7cf375b-a6b6-469e-8b19-3478367f5cdd","customer_id":"13ad1c9b-63da-4a3a-b567-6ed3ac92804c","action_id":"cross-sell-needs","kind":"cross_sell","channel":"email","rule_id":"cross-sell-needs","via":"api","delivered_at":"2026-12-07T03:23:18.749292Z"},"requestid":"382eb443-3328-4614-9708-804e9379edc5"}	2026-12-07 03:23:18.781+00	2026-12-07 03:23:18.830073+00
29	f7918323-b3d2-48f7-8cbd-df8291861037	idic.treatment	97068038-88a0-4fa2-b501-38e3f7c00a98	idic.treatment.delivered.v1	{"specversion":"1.0","id":"f7918323-b3d2-48f7-8cbd-df8291861037","source":"/treatment-service","type":"idic.treatment.delivered.v1","time":"2026-12-07T03:23:18.842312Z","subject":"97068038-88a0-4fa2-b501-38e3f7c00a98","datacontenttype":"application/json","data":{"treatment_id":"6b5b032e-ade8-4f17-9102-104ec7aa1c1a","customer_id":"97068038-88a0-4fa2-b501-38e3f7c00a98","action_id":"vip-service","kind":"service_level","channel":null,"rule_id":"vip-service-level","via":"api","delivered_at":"2026-12-07T03:23:18.821477Z"},"requestid":"cedda61b-275c-438d-b22f-cdd99f14c765"}	2026-12-07 03:23:18.866049+00	2026-12-07 03:23:18.911615+00
30	558a2de6-4d10-43d1-9ecb-0a225073bb30	idic.treatment	97068038-88a0-4fa2-b501-38e3f7c00a98	idic.treatment.decided.v1	{"specversion":"1.0","id":"558a2de6-4d10-43d1-9ecb-0a225073bb30","source":"/treatment-service","type":"idic.treatment.decided.v1","time":"2026-12-07T03:23:18.859092Z","subject":"97068038-88a0-4fa2-b501-38e3f7c00a98","datacontenttype":"application/json","data":{"treatment_id":"38a59278-1721-4aab-95bf-2b0aa2a5be3b","customer_id":"97068038-88a0-4fa2-b501-38e3f7c00a98","action_id":"welcome-message","kind":"message","channel":"email","rule_id":"welcome-first-purchase","rule_version":1,"score":0.5,"value":null,"reasons":["interactions.known_purchases == 1","rule 'Welcome message after the first purchase' v1, priority 50","propensity 0.50 (prior, no outcomes yet in segment new)"],"decided_at":"2026-12-07T03:23:18.821477Z","cause_event_id":null,"expires_at":"2026-12-14T03:23:18.821477Z"},"requestid":"cedda61b-275c-438d-b22f-cdd99f14c765"}	2026-12-07 03:23:18.866049+00	2026-12-07 03:23:18.911615+00
38	abed03c8-4827-4dbd-a8c4-34cc9912b12d	idic.treatment	fa9866ab-bd1e-4869-aabd-0dd58680d87e	idic.treatment.outcome_recorded.v1	{"specversion":"1.0","id":"abed03c8-4827-4dbd-a8c4-34cc9912b12d","source":"/treatment-service","type":"idic.treatment.outcome_recorded.v1","time":"2026-12-07T03:23:19.346195Z","subject":"fa9866ab-bd1e-4869-aabd-0dd58680d87e","datacontenttype":"application/json","data":{"treatment_id":"5597ba25-c348-457c-a6cb-5242b2fd6e7b","customer_id":"fa9866ab-bd1e-4869-aabd-0dd58680d87e","outcome":"converted","action_id":"cross-sell-needs","kind":"cross_sell","channel":"email","recorded_at":"2026-12-07T03:23:19.335526Z","rule_id":"cross-sell-needs","amount":"42.00","currency":"EUR"}}	2026-12-07 03:23:19.365113+00	2026-12-07 03:23:19.403234+00
39	e9a30446-6c53-469c-a33c-088c72347e02	idic.treatment	fa9866ab-bd1e-4869-aabd-0dd58680d87e	idic.treatment.decided.v1	{"specversion":"1.0","id":"e9a30446-6c53-469c-a33c-088c72347e02","source":"/treatment-service","type":"idic.treatment.decided.v1","time":"2026-12-07T03:23:19.574589Z","subject":"fa9866ab-bd1e-4869-aabd-0dd58680d87e","datacontenttype":"application/json","data":{"treatment_id":"559903f4-8595-4be7-9136-7241c0735c7f","customer_id":"fa9866ab-bd1e-4869-aabd-0dd58680d87e","action_id":"vip-service","kind":"service_level","channel":null,"rule_id":"vip-service-level","rule_version":1,"score":0.9333,"value":null,"reasons":["value.tier == most_valuable","rule 'VIP service level for the most valuable customers' v1, priority 90","propensity 0.93 (1 of 1 accepted in segment champions)"],"decided_at":"2026-12-07T03:23:19.557418Z","cause_event_id":"8dd1c6dc-0d37-4f34-ab30-b440c50b2cac","expires_at":"2026-12-14T03:23:19.557418Z"}}	2026-12-07 03:23:19.575421+00	2026-12-07 03:23:19.592732+00
45	a35d9f38-1f8d-4434-9701-9e43a52a1bf5	idic.treatment	fa9866ab-bd1e-4869-aabd-0dd58680d87e	idic.treatment.decided.v1	{"specversion":"1.0","id":"a35d9f38-1f8d-4434-9701-9e43a52a1bf5","source":"/treatment-service","type":"idic.treatment.decided.v1","time":"2026-12-07T03:23:24.656403Z","subject":"fa9866ab-bd1e-4869-aabd-0dd58680d87e","datacontenttype":"application/json","data":{"treatment_id":"c69a4aaf-a0a6-46be-ba29-7746a509a736","customer_id":"fa9866ab-bd1e-4869-aabd-0dd58680d87e","action_id":"cross-sell-needs","kind":"cross_sell","channel":"email","rule_id":"cross-sell-needs","rule_version":1,"score":0.4333,"value":null,"reasons":["segments.needs is known","value.tier most_valuable in ['most_valuable', 'most_growable', 'maintain']","rule \\"Cross-sell from the customer's needs segment\\" v1, priority 40","propensity 0.43 (1 of 1 accepted in segment champions)"],"decided_at":"2026-12-07T03:23:24.647193Z","cause_event_id":null,"expires_at":"2026-12-14T03:23:24.647193Z"},"requestid":"806d5ae1-dace-440a-bf46-d0139ce61d61"}	2026-12-07 03:23:24.657116+00	2026-12-07 03:23:24.672937+00
46	23d60203-db8d-410f-bfb8-b5c5bf019eef	idic.treatment	fa9866ab-bd1e-4869-aabd-0dd58680d87e	idic.treatment.delivered.v1	{"specversion":"1.0","id":"23d60203-db8d-410f-bfb8-b5c5bf019eef","source":"/treatment-service","type":"idic.treatment.delivered.v1","time":"2026-12-07T03:23:24.656460Z","subject":"fa9866ab-bd1e-4869-aabd-0dd58680d87e","datacontenttype":"application/json","data":{"treatment_id":"c69a4aaf-a0a6-46be-ba29-7746a509a736","customer_id":"fa9866ab-bd1e-4869-aabd-0dd58680d87e","action_id":"cross-sell-needs","kind":"cross_sell","channel":"email","rule_id":"cross-sell-needs","via":"api","delivered_at":"2026-12-07T03:23:24.647193Z"},"requestid":"806d5ae1-dace-440a-bf46-d0139ce61d61"}	2026-12-07 03:23:24.657116+00	2026-12-07 03:23:24.672937+00
47	81b2abbb-4ccd-4c1c-acca-70cdd9889bd9	idic.treatment	c2ee74f2-5e8c-4433-ae84-ae4a56967308	idic.treatment.delivered.v1	{"specversion":"1.0","id":"81b2abbb-4ccd-4c1c-acca-70cdd9889bd9","source":"/treatment-service","type":"idic.treatment.delivered.v1","time":"2026-12-07T03:23:24.842058Z","subject":"c2ee74f2-5e8c-4433-ae84-ae4a56967308","datacontenttype":"application/json","data":{"treatment_id":"a91e1d84-e201-4846-9e34-030b104fc120","customer_id":"c2ee74f2-5e8c-4433-ae84-ae4a56967308","action_id":"vip-service","kind":"service_level","channel":null,"rule_id":"vip-service-level","via":"api","delivered_at":"2026-12-07T03:23:24.838139Z"},"requestid":"630fbae4-ca60-4af4-ad01-70aa141ec714"}	2026-12-07 03:23:24.847013+00	2026-12-07 03:23:24.861167+00
48	1305057c-722e-4a5f-aca2-261036dc12a4	idic.treatment	c2ee74f2-5e8c-4433-ae84-ae4a56967308	idic.treatment.decided.v1	{"specversion":"1.0","id":"1305057c-722e-4a5f-aca2-261036dc12a4","source":"/treatment-service","type":"idic.treatment.decided.v1","time":"2026-12-07T03:23:24.844649Z","subject":"c2ee74f2-5e8c-4433-ae84-ae4a56967308","datacontenttype":"application/json","data":{"treatment_id":"e576b4d2-5f25-4a73-9246-e326240ac66b","customer_id":"c2ee74f2-5e8c-4433-ae84-ae4a56967308","action_id":"welcome-message","kind":"message","channel":"email","rule_id":"welcome-first-purchase","rule_version":1,"score":0.5,"value":null,"reasons":["interactions.known_purchases == 1","rule 'Welcome message after the first purchase' v1, priority 50","propensity 0.50 (prior, no outcomes yet in segment new)"],"decided_at":"2026-12-07T03:23:24.838139Z","cause_event_id":null,"expires_at":"2026-12-14T03:23:24.838139Z"},"requestid":"630fbae4-ca60-4af4-ad01-70aa141ec714"}	2026-12-07 03:23:24.847013+00	2026-12-07 03:23:24.861167+00
49	afa5405c-8bb9-478b-ae6e-5d1829b76e11	idic.treatment	c2ee74f2-5e8c-4433-ae84-ae4a56967308	idic.treatment.delivered.v1	{"specversion":"1.0","id":"afa5405c-8bb9-478b-ae6e-5d1829b76e11","source":"/treatment-service","type":"idic.treatment.delivered.v1","time":"2026-12-07T03:23:24.844699Z","subject":"c2ee74f2-5e8c-4433-ae84-ae4a56967308","datacontenttype":"application/json","data":{"treatment_id":"e576b4d2-5f25-4a73-9246-e326240ac66b","customer_id":"c2ee74f2-5e8c-4433-ae84-ae4a56967308","action_id":"welcome-message","kind":"message","channel":"email","rule_id":"welcome-first-purchase","via":"api","delivered_at":"2026-12-07T03:23:24.838139Z"},"requestid":"630fbae4-ca60-4af4-ad01-70aa141ec714"}	2026-12-07 03:23:24.847013+00	2026-12-07 03:23:24.861167+00
50	f997ecae-22e4-416f-a18a-e3a558a0ed3a	idic.treatment	c2ee74f2-5e8c-4433-ae84-ae4a56967308	idic.treatment.delivered.v1	{"specversion":"1.0","id":"f997ecae-22e4-416f-a18a-e3a558a0ed3a","source":"/treatment-service","type":"idic.treatment.delivered.v1","time":"2026-12-07T03:23:24.846181Z","subject":"c2ee74f2-5e8c-4433-ae84-ae4a56967308","datacontenttype":"application/json","data":{"treatment_id":"d5ecfa98-c90d-4de7-afa9-908b203cc40a","customer_id":"c2ee74f2-5e8c-4433-ae84-ae4a56967308","action_id":"cross-sell-needs","kind":"cross_sell","channel":"email","rule_id":"cross-sell-needs","via":"api","delivered_at":"2026-12-07T03:23:24.838139Z"},"requestid":"630fbae4-ca60-4af4-ad01-70aa141ec714"}	2026-12-07 03:23:24.847013+00	2026-12-07 03:23:24.861167+00
\.


--
-- Data for Name: propensities; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.propensities (action_id, segment, accepted, declined, ignored) FROM stdin;
vip-service	champions	1	0	0
cross-sell-needs	potential_loyalists	1	0	0
vip-service	new	0	1	0
cross-sell-needs	champions	1	0	0
\.


--
-- Data for Name: rule_versions; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.rule_versions (seq, rule_id, version, change, status, document, changed_at, changed_by) FROM stdin;
1	vip-service-level	1	created	active	{"name": "VIP service level for the most valuable customers", "description": "", "condition": {"fact": "value.tier", "op": "eq", "value": "most_valuable"}, "action": {"action_id": "vip-service", "kind": "service_level", "channels": null, "content": null, "offer_id": null, "value": null, "margin": null, "currency": null}, "priority": 90, "valid_from": null, "valid_until": null, "status": "active", "realtime": true, "repeat": "per_score", "prior_propensity": 0.9}	2026-12-07 03:23:05.795814+00	system:seed
2	retention-churn-risk	1	created	active	{"name": "Retention offer when churn risk is high", "description": "", "condition": {"fact": "value.churn_risk", "op": "gte", "value": 0.6}, "action": {"action_id": "retention-offer", "kind": "retention", "channels": ["email", "phone", "mobile_app"], "content": null, "offer_id": null, "value": null, "margin": null, "currency": null}, "priority": 80, "valid_from": null, "valid_until": null, "status": "active", "realtime": true, "repeat": "per_score", "prior_propensity": 0.5}	2026-12-07 03:23:05.795814+00	system:seed
3	welcome-first-purchase	1	created	active	{"name": "Welcome message after the first purchase", "description": "", "condition": {"fact": "interactions.known_purchases", "op": "eq", "value": 1}, "action": {"action_id": "welcome-message", "kind": "message", "channels": ["email", "mobile_app", "mail"], "content": null, "offer_id": null, "value": null, "margin": null, "currency": null}, "priority": 50, "valid_from": null, "valid_until": null, "status": "active", "realtime": true, "repeat": "once", "prior_propensity": 0.5}	2026-12-07 03:23:05.795814+00	system:seed
4	service-recovery-top	1	created	active	{"name": "Service recovery for a top customer after a complaint or a detractor survey", "description": "A personal call (else e-mail) and a goodwill gesture: a top customer is worth keeping.", "condition": {"all": [{"any": [{"fact": "triggers.7d.kinds", "op": "contains", "value": "complaint"}, {"fact": "triggers.7d.kinds", "op": "contains", "value": "repeated_complaints"}, {"fact": "triggers.7d.kinds", "op": "contains", "value": "detractor"}]}, {"fact": "value.tier", "op": "in", "value": ["most_valuable", "most_growable"]}]}, "action": {"content": "tmpl-recovery-personal-call", "offer_id": null, "value": null, "margin": null, "currency": null, "valid_for_days": 7.0, "attribution_days": 7.0, "action_id": "recovery-call", "kind": "service_recovery", "channels": ["phone", "email"]}, "priority": 95, "valid_from": null, "valid_until": null, "status": "active", "realtime": true, "repeat": "per_event", "prior_propensity": 0.6, "control_share": 0.0}	2026-12-07 03:23:05.897755+00	system:seed
5	service-recovery	1	created	active	{"name": "Service recovery after a complaint or a detractor survey", "description": "An apology and the fix; also for unscored customers.", "condition": {"all": [{"any": [{"fact": "triggers.7d.kinds", "op": "contains", "value": "complaint"}, {"fact": "triggers.7d.kinds", "op": "contains", "value": "repeated_complaints"}, {"fact": "triggers.7d.kinds", "op": "contains", "value": "detractor"}]}, {"not": {"fact": "value.tier", "op": "in", "value": ["most_valuable", "most_growable"]}}]}, "action": {"content": "tmpl-recovery-apology", "offer_id": null, "value": null, "margin": null, "currency": null, "valid_for_days": 7.0, "attribution_days": 7.0, "action_id": "recovery-apology", "kind": "service_recovery", "channels": ["email", "mobile_app"]}, "priority": 85, "valid_from": null, "valid_until": null, "status": "active", "realtime": true, "repeat": "per_event", "prior_propensity": 0.5, "control_share": 0.0}	2026-12-07 03:23:05.897755+00	system:seed
6	retention-valuable	1	created	active	{"name": "Retention offer for a valuable customer at churn risk", "description": "Earlier (churn risk 0.5) and more personal than the generic retention offer; below_zero: none.", "condition": {"all": [{"fact": "value.churn_risk", "op": "gte", "value": 0.5}, {"fact": "value.tier", "op": "in", "value": ["most_valuable", "most_growable"]}]}, "action": {"content": "tmpl-retention-loyalty", "offer_id": null, "value": null, "margin": null, "currency": null, "valid_for_days": 7.0, "attribution_days": 7.0, "action_id": "retention-loyalty", "kind": "retention", "channels": ["phone", "email", "mobile_app"]}, "priority": 82, "valid_from": null, "valid_until": null, "status": "active", "realtime": true, "repeat": "per_score", "prior_propensity": 0.4, "control_share": 0.0}	2026-12-07 03:23:05.897755+00	system:seed
7	winback-lapsed	1	created	active	{"name": "Win back a lapsed customer", "description": "", "condition": {"all": [{"fact": "triggers.30d.kinds", "op": "contains", "value": "lapse"}, {"not": {"fact": "value.tier", "op": "eq", "value": "below_zero"}}]}, "action": {"content": "tmpl-winback", "offer_id": null, "value": null, "margin": null, "currency": null, "valid_for_days": 7.0, "attribution_days": 7.0, "action_id": "winback-offer", "kind": "winback", "channels": ["email", "mail"]}, "priority": 70, "valid_from": null, "valid_until": null, "status": "active", "realtime": true, "repeat": "per_event", "prior_propensity": 0.2, "control_share": 0.0}	2026-12-07 03:23:05.897755+00	system:seed
8	life-event-moved	1	created	active	{"name": "Moving house: new address, nearest store, delivery options", "description": "", "condition": {"any": [{"fact": "triggers.30d.kinds", "op": "contains", "value": "moved"}, {"fact": "profile.days_since_moved", "op": "lte", "value": 30}]}, "action": {"content": "tmpl-moved", "offer_id": null, "value": null, "margin": null, "currency": null, "valid_for_days": 7.0, "attribution_days": 7.0, "action_id": "moved-welcome", "kind": "message", "channels": ["email", "mail"]}, "priority": 60, "valid_from": null, "valid_until": null, "status": "active", "realtime": true, "repeat": "once", "prior_propensity": 0.3, "control_share": 0.0}	2026-12-07 03:23:05.897755+00	system:seed
9	birthday-greeting	1	created	active	{"name": "Birthday greeting in the week before the birthday", "description": "", "condition": {"any": [{"fact": "profile.days_to_birthday", "op": "lte", "value": 7}, {"fact": "triggers.7d.kinds", "op": "contains", "value": "birthday"}]}, "action": {"content": "tmpl-birthday", "offer_id": null, "value": null, "margin": null, "currency": null, "valid_for_days": 7.0, "attribution_days": 7.0, "action_id": "birthday-greeting", "kind": "message", "channels": ["email", "mobile_app"]}, "priority": 45, "valid_from": null, "valid_until": null, "status": "active", "realtime": true, "repeat": "per_score", "prior_propensity": 0.4, "control_share": 0.0}	2026-12-07 03:23:05.897755+00	system:seed
10	cross-sell-needs	1	created	active	{"name": "Cross-sell from the customer's needs segment", "description": "", "condition": {"all": [{"fact": "segments.needs", "op": "exists"}, {"fact": "value.tier", "op": "in", "value": ["most_valuable", "most_growable", "maintain"]}]}, "action": {"content": "tmpl-cross-sell-by-needs", "offer_id": null, "value": null, "margin": null, "currency": null, "valid_for_days": 7.0, "attribution_days": 7.0, "action_id": "cross-sell-needs", "kind": "cross_sell", "channels": ["email", "web", "mobile_app"]}, "priority": 40, "valid_from": null, "valid_until": null, "status": "active", "realtime": true, "repeat": "per_score", "prior_propensity": 0.15, "control_share": 0.0}	2026-12-07 03:23:05.897755+00	system:seed
11	channel-nudge	1	created	active	{"name": "Nudge heavy users of costly channels (phone, store) toward web, app and chat", "description": "Not for most_valuable customers: their personal service is part of their value.", "condition": {"all": [{"any": [{"fact": "interactions.90d.channel.phone", "op": "gte", "value": 5}, {"fact": "interactions.90d.channel.store", "op": "gte", "value": 8}]}, {"not": {"fact": "value.tier", "op": "eq", "value": "most_valuable"}}]}, "action": {"content": "tmpl-try-the-app", "offer_id": null, "value": null, "margin": null, "currency": null, "valid_for_days": 7.0, "attribution_days": 7.0, "action_id": "channel-nudge-app", "kind": "message", "channels": ["email", "mobile_app"]}, "priority": 30, "valid_from": null, "valid_until": null, "status": "active", "realtime": true, "repeat": "per_score", "prior_propensity": 0.2, "control_share": 0.0}	2026-12-07 03:23:05.897755+00	system:seed
12	below-zero-service-level	1	created	active	{"name": "Self-service level for below-zero customers", "description": "Serve at the lowest cost to serve; no outbound offers.", "condition": {"fact": "value.tier", "op": "eq", "value": "below_zero"}, "action": {"content": "self-service: web, app and chat first; no call-backs", "offer_id": null, "value": null, "margin": null, "currency": null, "valid_for_days": 7.0, "attribution_days": 7.0, "action_id": "self-service", "kind": "service_level", "channels": null}, "priority": 90, "valid_from": null, "valid_until": null, "status": "active", "realtime": true, "repeat": "per_score", "prior_propensity": 0.9, "control_share": 0.0}	2026-12-07 03:23:05.897755+00	system:seed
13	retention-churn-risk	2	updated	active	{"name": "Retention offer when churn risk is high", "description": "No retention spend on below_zero customers (playbook).", "condition": {"all": [{"fact": "value.churn_risk", "op": "gte", "value": 0.6}, {"not": {"fact": "value.tier", "op": "eq", "value": "below_zero"}}]}, "action": {"action_id": "retention-offer", "kind": "retention", "channels": ["email", "phone", "mobile_app"], "content": null, "offer_id": null, "value": null, "margin": null, "currency": null}, "priority": 80, "valid_from": null, "valid_until": null, "status": "active", "realtime": true, "repeat": "per_score", "prior_propensity": 0.5}	2026-12-07 03:23:05.897755+00	system:seed
\.


--
-- Data for Name: rules; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.rules (rule_id, version, status, name, document, created_at, created_by, updated_at, updated_by) FROM stdin;
vip-service-level	1	active	VIP service level for the most valuable customers	{"name": "VIP service level for the most valuable customers", "description": "", "condition": {"fact": "value.tier", "op": "eq", "value": "most_valuable"}, "action": {"action_id": "vip-service", "kind": "service_level", "channels": null, "content": null, "offer_id": null, "value": null, "margin": null, "currency": null}, "priority": 90, "valid_from": null, "valid_until": null, "status": "active", "realtime": true, "repeat": "per_score", "prior_propensity": 0.9}	2026-12-07 03:23:05.795814+00	system:seed	2026-12-07 03:23:05.795814+00	system:seed
welcome-first-purchase	1	active	Welcome message after the first purchase	{"name": "Welcome message after the first purchase", "description": "", "condition": {"fact": "interactions.known_purchases", "op": "eq", "value": 1}, "action": {"action_id": "welcome-message", "kind": "message", "channels": ["email", "mobile_app", "mail"], "content": null, "offer_id": null, "value": null, "margin": null, "currency": null}, "priority": 50, "valid_from": null, "valid_until": null, "status": "active", "realtime": true, "repeat": "once", "prior_propensity": 0.5}	2026-12-07 03:23:05.795814+00	system:seed	2026-12-07 03:23:05.795814+00	system:seed
service-recovery-top	1	active	Service recovery for a top customer after a complaint or a detractor survey	{"name": "Service recovery for a top customer after a complaint or a detractor survey", "description": "A personal call (else e-mail) and a goodwill gesture: a top customer is worth keeping.", "condition": {"all": [{"any": [{"fact": "triggers.7d.kinds", "op": "contains", "value": "complaint"}, {"fact": "triggers.7d.kinds", "op": "contains", "value": "repeated_complaints"}, {"fact": "triggers.7d.kinds", "op": "contains", "value": "detractor"}]}, {"fact": "value.tier", "op": "in", "value": ["most_valuable", "most_growable"]}]}, "action": {"content": "tmpl-recovery-personal-call", "offer_id": null, "value": null, "margin": null, "currency": null, "valid_for_days": 7.0, "attribution_days": 7.0, "action_id": "recovery-call", "kind": "service_recovery", "channels": ["phone", "email"]}, "priority": 95, "valid_from": null, "valid_until": null, "status": "active", "realtime": true, "repeat": "per_event", "prior_propensity": 0.6, "control_share": 0.0}	2026-12-07 03:23:05.897755+00	system:seed	2026-12-07 03:23:05.897755+00	system:seed
service-recovery	1	active	Service recovery after a complaint or a detractor survey	{"name": "Service recovery after a complaint or a detractor survey", "description": "An apology and the fix; also for unscored customers.", "condition": {"all": [{"any": [{"fact": "triggers.7d.kinds", "op": "contains", "value": "complaint"}, {"fact": "triggers.7d.kinds", "op": "contains", "value": "repeated_complaints"}, {"fact": "triggers.7d.kinds", "op": "contains", "value": "detractor"}]}, {"not": {"fact": "value.tier", "op": "in", "value": ["most_valuable", "most_growable"]}}]}, "action": {"content": "tmpl-recovery-apology", "offer_id": null, "value": null, "margin": null, "currency": null, "valid_for_days": 7.0, "attribution_days": 7.0, "action_id": "recovery-apology", "kind": "service_recovery", "channels": ["email", "mobile_app"]}, "priority": 85, "valid_from": null, "valid_until": null, "status": "active", "realtime": true, "repeat": "per_event", "prior_propensity": 0.5, "control_share": 0.0}	2026-12-07 03:23:05.897755+00	system:seed	2026-12-07 03:23:05.897755+00	system:seed
retention-valuable	1	active	Retention offer for a valuable customer at churn risk	{"name": "Retention offer for a valuable customer at churn risk", "description": "Earlier (churn risk 0.5) and more personal than the generic retention offer; below_zero: none.", "condition": {"all": [{"fact": "value.churn_risk", "op": "gte", "value": 0.5}, {"fact": "value.tier", "op": "in", "value": ["most_valuable", "most_growable"]}]}, "action": {"content": "tmpl-retention-loyalty", "offer_id": null, "value": null, "margin": null, "currency": null, "valid_for_days": 7.0, "attribution_days": 7.0, "action_id": "retention-loyalty", "kind": "retention", "channels": ["phone", "email", "mobile_app"]}, "priority": 82, "valid_from": null, "valid_until": null, "status": "active", "realtime": true, "repeat": "per_score", "prior_propensity": 0.4, "control_share": 0.0}	2026-12-07 03:23:05.897755+00	system:seed	2026-12-07 03:23:05.897755+00	system:seed
winback-lapsed	1	active	Win back a lapsed customer	{"name": "Win back a lapsed customer", "description": "", "condition": {"all": [{"fact": "triggers.30d.kinds", "op": "contains", "value": "lapse"}, {"not": {"fact": "value.tier", "op": "eq", "value": "below_zero"}}]}, "action": {"content": "tmpl-winback", "offer_id": null, "value": null, "margin": null, "currency": null, "valid_for_days": 7.0, "attribution_days": 7.0, "action_id": "winback-offer", "kind": "winback", "channels": ["email", "mail"]}, "priority": 70, "valid_from": null, "valid_until": null, "status": "active", "realtime": true, "repeat": "per_event", "prior_propensity": 0.2, "control_share": 0.0}	2026-12-07 03:23:05.897755+00	system:seed	2026-12-07 03:23:05.897755+00	system:seed
life-event-moved	1	active	Moving house: new address, nearest store, delivery options	{"name": "Moving house: new address, nearest store, delivery options", "description": "", "condition": {"any": [{"fact": "triggers.30d.kinds", "op": "contains", "value": "moved"}, {"fact": "profile.days_since_moved", "op": "lte", "value": 30}]}, "action": {"content": "tmpl-moved", "offer_id": null, "value": null, "margin": null, "currency": null, "valid_for_days": 7.0, "attribution_days": 7.0, "action_id": "moved-welcome", "kind": "message", "channels": ["email", "mail"]}, "priority": 60, "valid_from": null, "valid_until": null, "status": "active", "realtime": true, "repeat": "once", "prior_propensity": 0.3, "control_share": 0.0}	2026-12-07 03:23:05.897755+00	system:seed	2026-12-07 03:23:05.897755+00	system:seed
birthday-greeting	1	active	Birthday greeting in the week before the birthday	{"name": "Birthday greeting in the week before the birthday", "description": "", "condition": {"any": [{"fact": "profile.days_to_birthday", "op": "lte", "value": 7}, {"fact": "triggers.7d.kinds", "op": "contains", "value": "birthday"}]}, "action": {"content": "tmpl-birthday", "offer_id": null, "value": null, "margin": null, "currency": null, "valid_for_days": 7.0, "attribution_days": 7.0, "action_id": "birthday-greeting", "kind": "message", "channels": ["email", "mobile_app"]}, "priority": 45, "valid_from": null, "valid_until": null, "status": "active", "realtime": true, "repeat": "per_score", "prior_propensity": 0.4, "control_share": 0.0}	2026-12-07 03:23:05.897755+00	system:seed	2026-12-07 03:23:05.897755+00	system:seed
cross-sell-needs	1	active	Cross-sell from the customer's needs segment	{"name": "Cross-sell from the customer's needs segment", "description": "", "condition": {"all": [{"fact": "segments.needs", "op": "exists"}, {"fact": "value.tier", "op": "in", "value": ["most_valuable", "most_growable", "maintain"]}]}, "action": {"content": "tmpl-cross-sell-by-needs", "offer_id": null, "value": null, "margin": null, "currency": null, "valid_for_days": 7.0, "attribution_days": 7.0, "action_id": "cross-sell-needs", "kind": "cross_sell", "channels": ["email", "web", "mobile_app"]}, "priority": 40, "valid_from": null, "valid_until": null, "status": "active", "realtime": true, "repeat": "per_score", "prior_propensity": 0.15, "control_share": 0.0}	2026-12-07 03:23:05.897755+00	system:seed	2026-12-07 03:23:05.897755+00	system:seed
channel-nudge	1	active	Nudge heavy users of costly channels (phone, store) toward web, app and chat	{"name": "Nudge heavy users of costly channels (phone, store) toward web, app and chat", "description": "Not for most_valuable customers: their personal service is part of their value.", "condition": {"all": [{"any": [{"fact": "interactions.90d.channel.phone", "op": "gte", "value": 5}, {"fact": "interactions.90d.channel.store", "op": "gte", "value": 8}]}, {"not": {"fact": "value.tier", "op": "eq", "value": "most_valuable"}}]}, "action": {"content": "tmpl-try-the-app", "offer_id": null, "value": null, "margin": null, "currency": null, "valid_for_days": 7.0, "attribution_days": 7.0, "action_id": "channel-nudge-app", "kind": "message", "channels": ["email", "mobile_app"]}, "priority": 30, "valid_from": null, "valid_until": null, "status": "active", "realtime": true, "repeat": "per_score", "prior_propensity": 0.2, "control_share": 0.0}	2026-12-07 03:23:05.897755+00	system:seed	2026-12-07 03:23:05.897755+00	system:seed
below-zero-service-level	1	active	Self-service level for below-zero customers	{"name": "Self-service level for below-zero customers", "description": "Serve at the lowest cost to serve; no outbound offers.", "condition": {"fact": "value.tier", "op": "eq", "value": "below_zero"}, "action": {"content": "self-service: web, app and chat first; no call-backs", "offer_id": null, "value": null, "margin": null, "currency": null, "valid_for_days": 7.0, "attribution_days": 7.0, "action_id": "self-service", "kind": "service_level", "channels": null}, "priority": 90, "valid_from": null, "valid_until": null, "status": "active", "realtime": true, "repeat": "per_score", "prior_propensity": 0.9, "control_share": 0.0}	2026-12-07 03:23:05.897755+00	system:seed	2026-12-07 03:23:05.897755+00	system:seed
retention-churn-risk	2	active	Retention offer when churn risk is high	{"name": "Retention offer when churn risk is high", "description": "No retention spend on below_zero customers (playbook).", "condition": {"all": [{"fact": "value.churn_risk", "op": "gte", "value": 0.6}, {"not": {"fact": "value.tier", "op": "eq", "value": "below_zero"}}]}, "action": {"action_id": "retention-offer", "kind": "retention", "channels": ["email", "phone", "mobile_app"], "content": null, "offer_id": null, "value": null, "margin": null, "currency": null}, "priority": 80, "valid_from": null, "valid_until": null, "status": "active", "realtime": true, "repeat": "per_score", "prior_propensity": 0.5}	2026-12-07 03:23:05.795814+00	system:seed	2026-12-07 03:23:05.897755+00	system:seed
\.


--
-- Data for Name: treatments; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.treatments (id, customer_id, rule_id, rule_version, occurrence, action_id, kind, channel, score, reasons, cause_event_id, decided_at, outcome, outcome_at, segment, expires_at, attribution_until, delivered_at, accepted_at, control, amount, currency) FROM stdin;
d50838c0-d9a8-4f61-9ad9-ba7e472e7ccd	4d05237e-6358-4bba-98cd-0790904b9ea7	retention-churn-risk	2	scored:2026-12-07T03:23:11.817139+00:00	retention-offer	retention	email	0.5	["value.churn_risk 0.68 >= 0.6", "rule 'Retention offer when churn risk is high' v2, priority 80", "propensity 0.50 (prior, no outcomes yet in segment at_risk)"]	4c3e1463-e805-4a08-afa5-a14476073dc9	2026-12-07 03:23:17.667175+00	\N	\N	at_risk	2026-12-14 03:23:17.667175+00	2026-12-14 03:23:17.667175+00	\N	\N	f	\N	\N
9b457ee3-9165-427f-97a2-fdf7b96a61ff	b4caf633-1739-41d9-80eb-409092bd7b01	cross-sell-needs	1	scored:2026-12-07T03:23:11.817139+00:00	cross-sell-needs	cross_sell	email	0.15	["segments.needs is known", "value.tier maintain in ['most_valuable', 'most_growable', 'maintain']", "rule \\"Cross-sell from the customer's needs segment\\" v1, priority 40", "propensity 0.15 (prior, no outcomes yet in segment lost)"]	af0bafa4-50fa-4013-8340-ffb5e635156a	2026-12-07 03:23:17.703439+00	\N	\N	lost	2026-12-14 03:23:17.703439+00	2026-12-14 03:23:17.703439+00	\N	\N	f	\N	\N
d2e6ba72-c53c-48d1-9a2b-9090fce82ba0	d958b57f-4153-45fd-b447-b2834ebb92c6	cross-sell-needs	1	scored:2026-12-07T03:23:11.817139+00:00	cross-sell-needs	cross_sell	email	0.15	["segments.needs is known", "value.tier maintain in ['most_valuable', 'most_growable', 'maintain']", "rule \\"Cross-sell from the customer's needs segment\\" v1, priority 40", "propensity 0.15 (prior, no outcomes yet in segment lost)"]	b085036f-258d-498b-9c36-213ea7eac784	2026-12-07 03:23:17.73122+00	\N	\N	lost	2026-12-14 03:23:17.73122+00	2026-12-14 03:23:17.73122+00	\N	\N	f	\N	\N
36466e1c-1df4-4525-9035-09c62482d045	4d05237e-6358-4bba-98cd-0790904b9ea7	cross-sell-needs	1	scored:2026-12-07T03:23:11.817139+00:00	cross-sell-needs	cross_sell	email	0.15	["segments.needs is known", "value.tier maintain in ['most_valuable', 'most_growable', 'maintain']", "rule \\"Cross-sell from the customer's needs segment\\" v1, priority 40", "propensity 0.15 (prior, no outcomes yet in segment at_risk)"]	0d1da34d-03f8-4e5a-8d60-d7ed59562511	2026-12-07 03:23:17.74132+00	\N	\N	at_risk	2026-12-14 03:23:17.74132+00	2026-12-14 03:23:17.74132+00	\N	\N	f	\N	\N
b9260dc4-5cae-4a11-a9da-d54d26bc7193	08830ee0-5e42-4aca-a818-7e709d2dfc6f	retention-churn-risk	2	scored:2026-12-07T03:23:11.817139+00:00	retention-offer	retention	email	0.5	["value.churn_risk 0.68 >= 0.6", "rule 'Retention offer when churn risk is high' v2, priority 80", "propensity 0.50 (prior, no outcomes yet in segment loyal)"]	fe648cd6-eb0f-45c6-a961-11b7829d19f7	2026-12-07 03:23:17.777522+00	\N	\N	loyal	2026-12-14 03:23:17.777522+00	2026-12-14 03:23:17.777522+00	\N	\N	f	\N	\N
2531ec99-7d40-4018-8afe-2438faef288e	08830ee0-5e42-4aca-a818-7e709d2dfc6f	cross-sell-needs	1	scored:2026-12-07T03:23:11.817139+00:00	cross-sell-needs	cross_sell	email	0.15	["segments.needs is known", "value.tier maintain in ['most_valuable', 'most_growable', 'maintain']", "rule \\"Cross-sell from the customer's needs segment\\" v1, priority 40", "propensity 0.15 (prior, no outcomes yet in segment loyal)"]	8d430bec-eee8-4152-88df-709d1e78f740	2026-12-07 03:23:17.803172+00	\N	\N	loyal	2026-12-14 03:23:17.803172+00	2026-12-14 03:23:17.803172+00	\N	\N	f	\N	\N
26613363-3735-4396-9e5e-eb1c5ba02912	14d8bff5-ec73-4dd4-baaa-59e513562275	retention-churn-risk	2	scored:2026-12-07T03:23:11.817139+00:00	retention-offer	retention	email	0.5	["value.churn_risk 0.69 >= 0.6", "rule 'Retention offer when churn risk is high' v2, priority 80", "propensity 0.50 (prior, no outcomes yet in segment hibernating)"]	e480177e-6a14-47f0-817b-672a78ee953b	2026-12-07 03:23:17.813077+00	\N	\N	hibernating	2026-12-14 03:23:17.813077+00	2026-12-14 03:23:17.813077+00	\N	\N	f	\N	\N
982ac147-48d3-47d5-b876-f5b7b2c0c4ec	8825eae8-081f-4a92-8bd7-938f73c0273a	retention-valuable	1	scored:2026-12-07T03:23:11.817139+00:00	retention-loyalty	retention	phone	0.4	["value.churn_risk 0.60 >= 0.5", "value.tier most_growable in ['most_valuable', 'most_growable']", "rule 'Retention offer for a valuable customer at churn risk' v1, priority 82", "propensity 0.40 (prior, no outcomes yet in segment champions)"]	345fce50-6c34-445f-ad58-6aa4d2e8ccf2	2026-12-07 03:23:17.85068+00	\N	\N	champions	2026-12-14 03:23:17.85068+00	2026-12-14 03:23:17.85068+00	\N	\N	f	\N	\N
0dc74c85-3f43-406c-a2dd-1e5d9956d4c5	14d8bff5-ec73-4dd4-baaa-59e513562275	cross-sell-needs	1	scored:2026-12-07T03:23:11.817139+00:00	cross-sell-needs	cross_sell	email	0.15	["segments.needs is known", "value.tier maintain in ['most_valuable', 'most_growable', 'maintain']", "rule \\"Cross-sell from the customer's needs segment\\" v1, priority 40", "propensity 0.15 (prior, no outcomes yet in segment hibernating)"]	1aefe0a6-d6c6-405e-bd57-6a4861cb9046	2026-12-07 03:23:17.890732+00	\N	\N	hibernating	2026-12-14 03:23:17.890732+00	2026-12-14 03:23:17.890732+00	\N	\N	f	\N	\N
5aedc934-47a2-4684-9ce8-6d21c288f7fc	8825eae8-081f-4a92-8bd7-938f73c0273a	cross-sell-needs	1	scored:2026-12-07T03:23:11.817139+00:00	cross-sell-needs	cross_sell	email	0.15	["segments.needs is known", "value.tier most_growable in ['most_valuable', 'most_growable', 'maintain']", "rule \\"Cross-sell from the customer's needs segment\\" v1, priority 40", "propensity 0.15 (prior, no outcomes yet in segment champions)"]	3aa09bc2-1ad3-4160-af22-1ffa93ebed61	2026-12-07 03:23:17.900049+00	\N	\N	champions	2026-12-14 03:23:17.900049+00	2026-12-14 03:23:17.900049+00	\N	\N	f	\N	\N
f6ebb3cc-3a93-42cc-beab-288b06d38492	293e9a25-9fe1-4484-84be-068ae33ff875	cross-sell-needs	1	scored:2026-12-07T03:23:11.817139+00:00	cross-sell-needs	cross_sell	email	0.15	["segments.needs is known", "value.tier maintain in ['most_valuable', 'most_growable', 'maintain']", "rule \\"Cross-sell from the customer's needs segment\\" v1, priority 40", "propensity 0.15 (prior, no outcomes yet in segment lost)"]	ec5da526-7af8-4f8b-be09-6b75c87a80cd	2026-12-07 03:23:17.91085+00	\N	\N	lost	2026-12-14 03:23:17.91085+00	2026-12-14 03:23:17.91085+00	\N	\N	f	\N	\N
6b5b032e-ade8-4f17-9102-104ec7aa1c1a	97068038-88a0-4fa2-b501-38e3f7c00a98	vip-service-level	1	scored:2026-12-07T03:23:11.817139+00:00	vip-service	service_level	\N	0.9	["value.tier == most_valuable", "rule 'VIP service level for the most valuable customers' v1, priority 90", "propensity 0.90 (prior, no outcomes yet in segment new)"]	a4920f3a-173e-4e81-b19c-2be4cda6b6dd	2026-12-07 03:23:17.876725+00	declined	2026-12-07 03:23:19.083458+00	new	2026-12-14 03:23:17.876725+00	2026-12-14 03:23:17.876725+00	2026-12-07 03:23:18.821477+00	\N	f	\N	\N
a91e1d84-e201-4846-9e34-030b104fc120	c2ee74f2-5e8c-4433-ae84-ae4a56967308	vip-service-level	1	scored:2026-12-07T03:23:11.817139+00:00	vip-service	service_level	\N	0.9	["value.tier == most_valuable", "rule 'VIP service level for the most valuable customers' v1, priority 90", "propensity 0.90 (prior, no outcomes yet in segment new)"]	fe3665c1-23c7-49f0-a5b3-c116ff101a44	2026-12-07 03:23:17.88324+00	\N	\N	new	2026-12-14 03:23:17.88324+00	2026-12-14 03:23:17.88324+00	2026-12-07 03:23:24.838139+00	\N	f	\N	\N
b634dc5c-5d85-4871-b7e3-d24e42b28cd6	3c8de731-5f16-48b6-ba14-3ad29d654f63	retention-churn-risk	2	scored:2026-12-07T03:23:11.817139+00:00	retention-offer	retention	email	0.5	["value.churn_risk 0.63 >= 0.6", "rule 'Retention offer when churn risk is high' v2, priority 80", "propensity 0.50 (prior, no outcomes yet in segment loyal)"]	313178ee-9ca1-4ccd-bbcb-6953375d7570	2026-12-07 03:23:17.932226+00	\N	\N	loyal	2026-12-14 03:23:17.932226+00	2026-12-14 03:23:17.932226+00	\N	\N	f	\N	\N
705de272-60ad-4707-a805-cc79887f7289	2a2813b2-d08f-41d5-87ff-045bacb126fc	retention-churn-risk	2	scored:2026-12-07T03:23:11.817139+00:00	retention-offer	retention	email	0.5	["value.churn_risk 0.65 >= 0.6", "rule 'Retention offer when churn risk is high' v2, priority 80", "propensity 0.50 (prior, no outcomes yet in segment loyal)"]	6058166c-e9bd-4d2c-9384-06b91689269f	2026-12-07 03:23:17.938873+00	\N	\N	loyal	2026-12-14 03:23:17.938873+00	2026-12-14 03:23:17.938873+00	\N	\N	f	\N	\N
d323a75e-3400-43e8-910c-7d338c8fe205	3c8de731-5f16-48b6-ba14-3ad29d654f63	cross-sell-needs	1	scored:2026-12-07T03:23:11.817139+00:00	cross-sell-needs	cross_sell	email	0.15	["segments.needs is known", "value.tier maintain in ['most_valuable', 'most_growable', 'maintain']", "rule \\"Cross-sell from the customer's needs segment\\" v1, priority 40", "propensity 0.15 (prior, no outcomes yet in segment loyal)"]	816af78d-72ae-4421-8617-025e69bd5a07	2026-12-07 03:23:17.94432+00	\N	\N	loyal	2026-12-14 03:23:17.94432+00	2026-12-14 03:23:17.94432+00	\N	\N	f	\N	\N
142bc5b2-b047-41f0-8ea1-122495ed4179	2a2813b2-d08f-41d5-87ff-045bacb126fc	cross-sell-needs	1	scored:2026-12-07T03:23:11.817139+00:00	cross-sell-needs	cross_sell	email	0.15	["segments.needs is known", "value.tier maintain in ['most_valuable', 'most_growable', 'maintain']", "rule \\"Cross-sell from the customer's needs segment\\" v1, priority 40", "propensity 0.15 (prior, no outcomes yet in segment loyal)"]	39163b91-b2db-4827-affa-44a808612e8e	2026-12-07 03:23:17.950126+00	\N	\N	loyal	2026-12-14 03:23:17.950126+00	2026-12-14 03:23:17.950126+00	\N	\N	f	\N	\N
72f71292-61f1-40c6-ae5b-ff27d0cfe816	dc992601-4056-4010-93c7-a04f3576c35d	retention-valuable	1	scored:2026-12-07T03:23:11.817139+00:00	retention-loyalty	retention	phone	0.4	["value.churn_risk 0.66 >= 0.5", "value.tier most_growable in ['most_valuable', 'most_growable']", "rule 'Retention offer for a valuable customer at churn risk' v1, priority 82", "propensity 0.40 (prior, no outcomes yet in segment at_risk)"]	ab078061-ed80-4d77-9070-f233e6bb4900	2026-12-07 03:23:17.963754+00	\N	\N	at_risk	2026-12-14 03:23:17.963754+00	2026-12-14 03:23:17.963754+00	\N	\N	f	\N	\N
5518fc17-5541-4604-8e6c-d045cbe11492	dc992601-4056-4010-93c7-a04f3576c35d	cross-sell-needs	1	scored:2026-12-07T03:23:11.817139+00:00	cross-sell-needs	cross_sell	email	0.15	["segments.needs is known", "value.tier most_growable in ['most_valuable', 'most_growable', 'maintain']", "rule \\"Cross-sell from the customer's needs segment\\" v1, priority 40", "propensity 0.15 (prior, no outcomes yet in segment at_risk)"]	284c7bf4-1eea-4b4f-b45d-2a0c3f9a3f8d	2026-12-07 03:23:17.981457+00	\N	\N	at_risk	2026-12-14 03:23:17.981457+00	2026-12-14 03:23:17.981457+00	\N	\N	f	\N	\N
559903f4-8595-4be7-9136-7241c0735c7f	fa9866ab-bd1e-4869-aabd-0dd58680d87e	vip-service-level	1	scored:2026-12-07T03:23:19.496571+00:00	vip-service	service_level	\N	0.9333	["value.tier == most_valuable", "rule 'VIP service level for the most valuable customers' v1, priority 90", "propensity 0.93 (1 of 1 accepted in segment champions)"]	8dd1c6dc-0d37-4f34-ab30-b440c50b2cac	2026-12-07 03:23:19.557418+00	\N	\N	champions	2026-12-14 03:23:19.557418+00	2026-12-14 03:23:19.557418+00	2026-12-07 03:23:24.647193+00	\N	f	\N	\N
ed45a076-41a2-4804-a071-61bf5e31afb0	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	cross-sell-needs	1	scored:2026-12-07T03:23:11.817139+00:00	cross-sell-needs	cross_sell	email	0.15	["segments.needs is known", "value.tier most_valuable in ['most_valuable', 'most_growable', 'maintain']", "rule \\"Cross-sell from the customer's needs segment\\" v1, priority 40", "propensity 0.15 (prior, no outcomes yet in segment champions)"]	7c5ed311-e626-484c-8979-7d5ee84a929e	2026-12-07 03:23:17.977748+00	\N	\N	champions	2026-12-14 03:23:17.977748+00	2026-12-14 03:23:17.977748+00	2026-12-07 03:23:18.666512+00	\N	f	\N	\N
38a59278-1721-4aab-95bf-2b0aa2a5be3b	97068038-88a0-4fa2-b501-38e3f7c00a98	welcome-first-purchase	1	live	welcome-message	message	email	0.5	["interactions.known_purchases == 1", "rule 'Welcome message after the first purchase' v1, priority 50", "propensity 0.50 (prior, no outcomes yet in segment new)"]	\N	2026-12-07 03:23:18.821477+00	\N	\N	new	2026-12-14 03:23:18.821477+00	2026-12-14 03:23:18.821477+00	2026-12-07 03:23:18.821477+00	\N	f	\N	\N
efa96d20-5404-40c7-9a92-b8de59c3ff6b	97068038-88a0-4fa2-b501-38e3f7c00a98	cross-sell-needs	1	scored:2026-12-07T03:23:11.817139+00:00	cross-sell-needs	cross_sell	email	0.15	["segments.needs is known", "value.tier most_valuable in ['most_valuable', 'most_growable', 'maintain']", "rule \\"Cross-sell from the customer's needs segment\\" v1, priority 40", "propensity 0.15 (prior, no outcomes yet in segment new)"]	50c16719-8efb-4588-b2b9-8172e1070aa0	2026-12-07 03:23:17.917869+00	\N	\N	new	2026-12-14 03:23:17.917869+00	2026-12-14 03:23:17.917869+00	2026-12-07 03:23:18.821477+00	\N	f	\N	\N
074c4c6c-e1d1-4fb5-8a40-60a7a3d43a90	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	vip-service-level	1	scored:2026-12-07T03:23:11.817139+00:00	vip-service	service_level	\N	0.9	["value.tier == most_valuable", "rule 'VIP service level for the most valuable customers' v1, priority 90", "propensity 0.90 (prior, no outcomes yet in segment champions)"]	6e08eb34-655f-40c9-98b6-d0f45c04264f	2026-12-07 03:23:17.959721+00	accepted	2026-12-07 03:23:18.996381+00	champions	2026-12-14 03:23:17.959721+00	2026-12-14 03:23:17.959721+00	2026-12-07 03:23:18.666512+00	2026-12-07 03:23:18.996381+00	f	\N	\N
5597ba25-c348-457c-a6cb-5242b2fd6e7b	fa9866ab-bd1e-4869-aabd-0dd58680d87e	cross-sell-needs	1	scored:2026-12-07T03:23:11.817139+00:00	cross-sell-needs	cross_sell	email	0.15	["segments.needs is known", "value.tier maintain in ['most_valuable', 'most_growable', 'maintain']", "rule \\"Cross-sell from the customer's needs segment\\" v1, priority 40", "propensity 0.15 (prior, no outcomes yet in segment champions)"]	458f826e-4a11-4c70-81a4-e3811002803b	2026-12-07 03:23:17.968901+00	converted	2026-12-07 03:23:19.335526+00	champions	2026-12-14 03:23:17.968901+00	2026-12-14 03:23:17.968901+00	2026-12-07 03:23:18.95626+00	2026-12-07 03:23:19.119063+00	f	42.000000	EUR
0fe90d9d-8f8c-4577-9ad6-4a45e8d3e6e9	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	vip-service-level	1	live	vip-service	service_level	\N	0.9333	["value.tier == most_valuable", "rule 'VIP service level for the most valuable customers' v1, priority 90", "propensity 0.93 (1 of 1 accepted in segment champions)"]	\N	2026-12-07 03:23:24.35675+00	\N	\N	champions	2026-12-14 03:23:24.35675+00	2026-12-14 03:23:24.35675+00	2026-12-07 03:23:24.35675+00	\N	f	\N	\N
d5ecfa98-c90d-4de7-afa9-908b203cc40a	c2ee74f2-5e8c-4433-ae84-ae4a56967308	cross-sell-needs	1	scored:2026-12-07T03:23:11.817139+00:00	cross-sell-needs	cross_sell	email	0.15	["segments.needs is known", "value.tier most_valuable in ['most_valuable', 'most_growable', 'maintain']", "rule \\"Cross-sell from the customer's needs segment\\" v1, priority 40", "propensity 0.15 (prior, no outcomes yet in segment new)"]	1217b580-5345-4120-bc70-2318bd1c370e	2026-12-07 03:23:17.922722+00	\N	\N	new	2026-12-14 03:23:17.922722+00	2026-12-14 03:23:17.922722+00	2026-12-07 03:23:24.838139+00	\N	f	\N	\N
c7cf375b-a6b6-469e-8b19-3478367f5cdd	13ad1c9b-63da-4a3a-b567-6ed3ac92804c	cross-sell-needs	1	scored:2026-12-07T03:23:11.817139+00:00	cross-sell-needs	cross_sell	email	0.15	["segments.needs is known", "value.tier maintain in ['most_valuable', 'most_growable', 'maintain']", "rule \\"Cross-sell from the customer's needs segment\\" v1, priority 40", "propensity 0.15 (prior, no outcomes yet in segment potential_loyalists)"]	6bc58291-1d01-4707-b801-97ee9d212a63	2026-12-07 03:23:17.754729+00	converted	2026-12-07 03:23:19.043488+00	potential_loyalists	2026-12-14 03:23:17.754729+00	2026-12-14 03:23:17.754729+00	2026-12-07 03:23:18.749292+00	\N	f	64.000000	EUR
18169775-fe40-4d45-b514-60006e6dd84b	13ad1c9b-63da-4a3a-b567-6ed3ac92804c	cross-sell-needs	1	live	cross-sell-needs	cross_sell	email	0.4333	["segments.needs is known", "value.tier maintain in ['most_valuable', 'most_growable', 'maintain']", "rule \\"Cross-sell from the customer's needs segment\\" v1, priority 40", "propensity 0.43 (1 of 1 accepted in segment potential_loyalists)"]	\N	2026-12-07 03:23:24.479885+00	\N	\N	potential_loyalists	2026-12-14 03:23:24.479885+00	2026-12-14 03:23:24.479885+00	2026-12-07 03:23:24.479885+00	\N	f	\N	\N
c69a4aaf-a0a6-46be-ba29-7746a509a736	fa9866ab-bd1e-4869-aabd-0dd58680d87e	cross-sell-needs	1	live	cross-sell-needs	cross_sell	email	0.4333	["segments.needs is known", "value.tier most_valuable in ['most_valuable', 'most_growable', 'maintain']", "rule \\"Cross-sell from the customer's needs segment\\" v1, priority 40", "propensity 0.43 (1 of 1 accepted in segment champions)"]	\N	2026-12-07 03:23:24.647193+00	\N	\N	champions	2026-12-14 03:23:24.647193+00	2026-12-14 03:23:24.647193+00	2026-12-07 03:23:24.647193+00	\N	f	\N	\N
e576b4d2-5f25-4a73-9246-e326240ac66b	c2ee74f2-5e8c-4433-ae84-ae4a56967308	welcome-first-purchase	1	live	welcome-message	message	email	0.5	["interactions.known_purchases == 1", "rule 'Welcome message after the first purchase' v1, priority 50", "propensity 0.50 (prior, no outcomes yet in segment new)"]	\N	2026-12-07 03:23:24.838139+00	\N	\N	new	2026-12-14 03:23:24.838139+00	2026-12-14 03:23:24.838139+00	2026-12-07 03:23:24.838139+00	\N	f	\N	\N
\.


--
-- Data for Name: webhook_deliveries; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.webhook_deliveries (id, webhook_id, event_id, event_type, customer_id, body, status, attempts, next_attempt_at, give_up_at, last_attempt_at, last_status_code, last_error, created_at, delivered_at) FROM stdin;
\.


--
-- Data for Name: webhooks; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.webhooks (id, url, events, secret, description, active, created_at, updated_at) FROM stdin;
\.


--
-- Name: contact_policy_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.contact_policy_id_seq', 1, false);


--
-- Name: outbox_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.outbox_id_seq', 50, true);


--
-- Name: rule_versions_seq_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.rule_versions_seq_seq', 13, true);


--
-- Name: alembic_version alembic_version_pkc; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.alembic_version
    ADD CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num);


--
-- Name: contact_policy pk_contact_policy; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contact_policy
    ADD CONSTRAINT pk_contact_policy PRIMARY KEY (id);


--
-- Name: customer_aliases pk_customer_aliases; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.customer_aliases
    ADD CONSTRAINT pk_customer_aliases PRIMARY KEY (merged_id);


--
-- Name: customer_contexts pk_customer_contexts; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.customer_contexts
    ADD CONSTRAINT pk_customer_contexts PRIMARY KEY (customer_id);


--
-- Name: erasures pk_erasures; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.erasures
    ADD CONSTRAINT pk_erasures PRIMARY KEY (customer_id);


--
-- Name: inbox pk_inbox; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.inbox
    ADD CONSTRAINT pk_inbox PRIMARY KEY (event_id, consumer_group);


--
-- Name: outbox pk_outbox; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.outbox
    ADD CONSTRAINT pk_outbox PRIMARY KEY (id);


--
-- Name: propensities pk_propensities; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.propensities
    ADD CONSTRAINT pk_propensities PRIMARY KEY (action_id, segment);


--
-- Name: rule_versions pk_rule_versions; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.rule_versions
    ADD CONSTRAINT pk_rule_versions PRIMARY KEY (seq);


--
-- Name: rules pk_rules; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.rules
    ADD CONSTRAINT pk_rules PRIMARY KEY (rule_id);


--
-- Name: treatments pk_treatments; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.treatments
    ADD CONSTRAINT pk_treatments PRIMARY KEY (id);


--
-- Name: webhook_deliveries pk_webhook_deliveries; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webhook_deliveries
    ADD CONSTRAINT pk_webhook_deliveries PRIMARY KEY (id);


--
-- Name: webhooks pk_webhooks; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webhooks
    ADD CONSTRAINT pk_webhooks PRIMARY KEY (id);


--
-- Name: outbox uq_outbox_event_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.outbox
    ADD CONSTRAINT uq_outbox_event_id UNIQUE (event_id);


--
-- Name: rule_versions uq_rule_versions_rule_version; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.rule_versions
    ADD CONSTRAINT uq_rule_versions_rule_version UNIQUE (rule_id, version);


--
-- Name: treatments uq_treatments_customer_rule_occurrence; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.treatments
    ADD CONSTRAINT uq_treatments_customer_rule_occurrence UNIQUE (customer_id, rule_id, occurrence);


--
-- Name: webhook_deliveries uq_webhook_deliveries_webhook_event; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webhook_deliveries
    ADD CONSTRAINT uq_webhook_deliveries_webhook_event UNIQUE (webhook_id, event_id);


--
-- Name: ix_customer_aliases_survivor_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_customer_aliases_survivor_id ON public.customer_aliases USING btree (survivor_id);


--
-- Name: ix_outbox_sent_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_outbox_sent_at ON public.outbox USING btree (sent_at);


--
-- Name: ix_outbox_unsent; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_outbox_unsent ON public.outbox USING btree (id) WHERE (sent_at IS NULL);


--
-- Name: ix_rules_status; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_rules_status ON public.rules USING btree (status);


--
-- Name: ix_treatments_customer_decided; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_treatments_customer_decided ON public.treatments USING btree (customer_id, decided_at);


--
-- Name: ix_treatments_customer_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_treatments_customer_id ON public.treatments USING btree (customer_id);


--
-- Name: ix_treatments_open_expiry; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_treatments_open_expiry ON public.treatments USING btree (expires_at);


--
-- Name: ix_treatments_rule_decided; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_treatments_rule_decided ON public.treatments USING btree (rule_id, decided_at);


--
-- Name: ix_webhook_deliveries_customer; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_webhook_deliveries_customer ON public.webhook_deliveries USING btree (customer_id);


--
-- Name: ix_webhook_deliveries_due; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_webhook_deliveries_due ON public.webhook_deliveries USING btree (status, next_attempt_at);


--
-- Name: ix_webhook_deliveries_webhook_created; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_webhook_deliveries_webhook_created ON public.webhook_deliveries USING btree (webhook_id, created_at);


--
-- PostgreSQL database dump complete
--

\unrestrict 9ulSJb9ystvsehHmzqHpL0DL56M8Ngro1ONwjDz1JFDx29aNep5I2EgjTeqkrq7

