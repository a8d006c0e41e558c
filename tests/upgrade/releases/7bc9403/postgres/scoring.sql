--
-- PostgreSQL database dump
--

\restrict r9YOw2wVO9y86bFam7OGMRx7TmPQ0w5KtQjqv09fwVZP9a5puGu5R7QhfAjumhW

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
-- Name: customer_aliases; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.customer_aliases (
    merged_id character varying(255) NOT NULL,
    survivor_id character varying(255) NOT NULL,
    merged_at timestamp with time zone NOT NULL
);


--
-- Name: customer_features; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.customer_features (
    customer_id character varying(255) NOT NULL,
    interactions integer NOT NULL,
    frequency integer NOT NULL,
    monetary numeric NOT NULL,
    currency character varying(3),
    monetary_other json NOT NULL,
    first_purchase_at timestamp with time zone,
    first_purchase_amount numeric,
    last_purchase_at timestamp with time zone,
    first_interaction_at timestamp with time zone,
    last_interaction_at timestamp with time zone,
    cost_to_serve numeric NOT NULL,
    channel_counts jsonb NOT NULL,
    nps smallint,
    nps_at timestamp with time zone,
    csat smallint,
    csat_at timestamp with time zone,
    updated_at timestamp with time zone NOT NULL,
    purchase_days integer DEFAULT 0 NOT NULL,
    first_day_amount numeric DEFAULT '0'::numeric NOT NULL,
    daypart_counts jsonb DEFAULT '{}'::jsonb NOT NULL,
    category_counts jsonb DEFAULT '{}'::jsonb NOT NULL,
    offer_responses integer DEFAULT 0 NOT NULL,
    trigger_counts jsonb DEFAULT '{}'::jsonb NOT NULL,
    last_lapse_at timestamp with time zone
);


--
-- Name: customer_scores; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.customer_scores (
    customer_id character varying(255) NOT NULL,
    scored_at timestamp with time zone NOT NULL,
    r smallint,
    f smallint,
    m smallint,
    rfm_segment character varying(64),
    tier character varying(32),
    churn_risk double precision,
    p_alive double precision,
    expected_purchases_90d double precision,
    expected_avg_order_value numeric,
    clv_12m numeric,
    segments json NOT NULL,
    churn_drivers json DEFAULT '[]'::json NOT NULL
)
WITH (fillfactor='50');


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
-- Name: population_models; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.population_models (
    kind character varying(32) NOT NULL,
    params json NOT NULL,
    fitted_at timestamp with time zone NOT NULL
);


--
-- Name: profiling_refusals; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.profiling_refusals (
    customer_id character varying(255) NOT NULL,
    refused_at timestamp with time zone NOT NULL
);


--
-- Name: purchase_days; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.purchase_days (
    customer_id character varying(255) NOT NULL,
    day date NOT NULL,
    amount numeric NOT NULL
);


--
-- Name: segment_members; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.segment_members (
    segment_id character varying(64) NOT NULL,
    customer_id character varying(255) NOT NULL,
    since timestamp with time zone NOT NULL
);


--
-- Name: segment_rules; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.segment_rules (
    segment_id character varying(64) NOT NULL,
    name character varying(200) NOT NULL,
    conditions json NOT NULL,
    created_at timestamp with time zone NOT NULL
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
-- Data for Name: customer_aliases; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.customer_aliases (merged_id, survivor_id, merged_at) FROM stdin;
9e187226-b2d4-4825-970c-847484bec3d5	fa9866ab-bd1e-4869-aabd-0dd58680d87e	2026-12-07 03:23:11.164901+00
\.


--
-- Data for Name: customer_features; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.customer_features (customer_id, interactions, frequency, monetary, currency, monetary_other, first_purchase_at, first_purchase_amount, last_purchase_at, first_interaction_at, last_interaction_at, cost_to_serve, channel_counts, nps, nps_at, csat, csat_at, updated_at, purchase_days, first_day_amount, daypart_counts, category_counts, offer_responses, trigger_counts, last_lapse_at) FROM stdin;
dc992601-4056-4010-93c7-a04f3576c35d	2	2	157.00	EUR	{}	2026-04-18 10:00:00+00	78.50	2026-05-25 10:00:00+00	2026-04-18 10:00:00+00	2026-05-25 10:00:00+00	1.12	{"web": 1, "store": 1}	\N	\N	\N	\N	2026-12-07 03:23:10.540408+00	2	78.50	{"morning": 2}	{"bags": 1, "shoes": 1}	0	{"first_purchase": 1}	\N
89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	10	5	824.40	EUR	{}	2026-03-02 10:00:00+00	120.00	2026-10-18 10:00:00+00	2026-03-02 10:00:00+00	2026-12-07 03:23:24.35675+00	3.39	{"web": 5, "email": 2, "store": 3}	9	2026-10-19 10:00:00+00	\N	\N	2026-12-07 03:23:24.433438+00	5	120.00	{"night": 4, "morning": 6}	{"bags": 2, "books": 1, "shoes": 2}	1	{"first_purchase": 1}	\N
fa9866ab-bd1e-4869-aabd-0dd58680d87e	9	4	271.00	EUR	{}	2026-04-01 10:00:00+00	75.00	2026-12-07 03:23:19.177229+00	2026-04-01 10:00:00+00	2026-12-07 03:23:24.647193+00	2.22	{"web": 3, "email": 4, "store": 2}	\N	\N	\N	\N	2026-12-07 03:23:24.743281+00	4	75.00	{"night": 6, "morning": 3}	{"bags": 1, "shoes": 2}	2	{"first_purchase": 2}	\N
14d8bff5-ec73-4dd4-baaa-59e513562275	2	2	45.00	EUR	{}	2026-03-25 10:00:00+00	22.50	2026-05-01 10:00:00+00	2026-03-25 10:00:00+00	2026-05-01 10:00:00+00	1.12	{"web": 1, "store": 1}	\N	\N	\N	\N	2026-12-07 03:23:10.644393+00	2	22.50	{"morning": 2}	{"bags": 1, "shoes": 1}	0	{"first_purchase": 1}	\N
8825eae8-081f-4a92-8bd7-938f73c0273a	4	4	258.00	EUR	{}	2026-04-12 10:00:00+00	64.50	2026-08-01 10:00:00+00	2026-04-12 10:00:00+00	2026-08-01 10:00:00+00	2.24	{"web": 2, "store": 2}	\N	\N	\N	\N	2026-12-07 03:23:10.648859+00	4	64.50	{"morning": 4}	{"bags": 1, "books": 1, "shoes": 2}	0	{"first_purchase": 1}	\N
293e9a25-9fe1-4484-84be-068ae33ff875	1	1	71.50	EUR	{}	2026-04-15 10:00:00+00	71.50	2026-04-15 10:00:00+00	2026-04-15 10:00:00+00	2026-04-15 10:00:00+00	0.02	{"web": 1}	\N	\N	\N	\N	2026-12-07 03:23:10.654159+00	1	71.50	{"morning": 1}	{"shoes": 1}	0	{"first_purchase": 1}	\N
b4caf633-1739-41d9-80eb-409092bd7b01	1	1	15.50	EUR	{}	2026-03-22 10:00:00+00	15.50	2026-03-22 10:00:00+00	2026-03-22 10:00:00+00	2026-03-22 10:00:00+00	0.02	{"web": 1}	\N	\N	\N	\N	2026-12-07 03:23:10.774711+00	1	15.50	{"morning": 1}	{"shoes": 1}	0	{"first_purchase": 1}	\N
d958b57f-4153-45fd-b447-b2834ebb92c6	1	1	43.50	EUR	{}	2026-04-03 10:00:00+00	43.50	2026-04-03 10:00:00+00	2026-04-03 10:00:00+00	2026-04-03 10:00:00+00	0.02	{"web": 1}	\N	\N	\N	\N	2026-12-07 03:23:10.780629+00	1	43.50	{"morning": 1}	{"shoes": 1}	0	{"first_purchase": 1}	\N
4d05237e-6358-4bba-98cd-0790904b9ea7	2	2	101.00	EUR	{}	2026-04-06 10:00:00+00	50.50	2026-05-13 10:00:00+00	2026-04-06 10:00:00+00	2026-05-13 10:00:00+00	1.12	{"web": 1, "store": 1}	\N	\N	\N	\N	2026-12-07 03:23:10.785518+00	2	50.50	{"morning": 2}	{"bags": 1, "shoes": 1}	0	{"first_purchase": 1}	\N
97068038-88a0-4fa2-b501-38e3f7c00a98	7	1	19.99	EUR	{}	2026-09-18 10:00:00+00	19.99	2026-09-18 10:00:00+00	2026-09-18 10:00:00+00	2026-12-07 03:23:19.083458+00	0.04	{"web": 5, "email": 2}	10	2026-09-20 10:00:00+00	5	2026-09-20 10:00:00+00	2026-12-07 03:23:19.348957+00	1	19.99	{"night": 4, "morning": 3}	{"shoes": 1}	1	{"first_purchase": 1}	\N
13ad1c9b-63da-4a3a-b567-6ed3ac92804c	7	2	83.00	EUR	{}	2026-03-14 10:00:00+00	45.00	2026-07-30 10:00:00+00	2026-03-14 10:00:00+00	2026-12-07 03:23:24.479885+00	4.29	{"web": 2, "email": 4, "phone": 1}	3	2026-08-02 10:00:00+00	2	2026-08-02 10:00:00+00	2026-12-07 03:23:24.533471+00	2	45.00	{"night": 3, "morning": 4}	{"bags": 1, "shoes": 1}	1	{"complaint": 1, "detractor": 1, "first_purchase": 1}	\N
08830ee0-5e42-4aca-a818-7e709d2dfc6f	3	3	88.50	EUR	{}	2026-03-28 10:00:00+00	29.50	2026-06-10 10:00:00+00	2026-03-28 10:00:00+00	2026-06-10 10:00:00+00	1.14	{"web": 2, "store": 1}	\N	\N	\N	\N	2026-12-07 03:23:10.812249+00	3	29.50	{"morning": 3}	{"bags": 1, "books": 1, "shoes": 1}	0	{"first_purchase": 1}	\N
c2ee74f2-5e8c-4433-ae84-ae4a56967308	4	1	27.00	EUR	{}	2026-10-08 10:00:00+00	27.00	2026-10-08 10:00:00+00	2026-10-08 10:00:00+00	2026-12-07 03:23:24.838139+00	0.02	{"web": 2, "email": 2}	\N	\N	\N	\N	2026-12-07 03:23:24.977473+00	1	27.00	{"night": 3, "morning": 1}	{"shoes": 1}	0	{"first_purchase": 1}	\N
3c8de731-5f16-48b6-ba14-3ad29d654f63	4	4	146.00	EUR	{}	2026-03-31 10:00:00+00	36.50	2026-07-20 10:00:00+00	2026-03-31 10:00:00+00	2026-07-20 10:00:00+00	2.24	{"web": 2, "store": 2}	\N	\N	\N	\N	2026-12-07 03:23:10.844739+00	4	36.50	{"morning": 4}	{"bags": 1, "books": 1, "shoes": 2}	0	{"first_purchase": 1}	\N
2a2813b2-d08f-41d5-87ff-045bacb126fc	3	3	172.50	EUR	{}	2026-04-09 10:00:00+00	57.50	2026-06-22 10:00:00+00	2026-04-09 10:00:00+00	2026-06-22 10:00:00+00	1.14	{"web": 2, "store": 1}	\N	\N	\N	\N	2026-12-07 03:23:10.847085+00	3	57.50	{"morning": 3}	{"bags": 1, "books": 1, "shoes": 1}	0	{"first_purchase": 1}	\N
a923d3a6-a118-4f77-8703-c62592d91078	1	1	50.00	EUR	{}	2026-08-29 10:00:00+00	50.00	2026-08-29 10:00:00+00	2026-08-29 10:00:00+00	2026-08-29 10:00:00+00	1.10	{"store": 1}	\N	\N	\N	\N	2026-12-07 03:23:10.848671+00	1	50.00	{"morning": 1}	{"shoes": 1}	0	{"first_purchase": 1}	\N
\.


--
-- Data for Name: customer_scores; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.customer_scores (customer_id, scored_at, r, f, m, rfm_segment, tier, churn_risk, p_alive, expected_purchases_90d, expected_avg_order_value, clv_12m, segments, churn_drivers) FROM stdin;
13ad1c9b-63da-4a3a-b567-6ed3ac92804c	2026-12-07 03:23:24.538929+00	4	2	3	potential_loyalists	maintain	0.4845	0.515502	0.295618	39.02	34.47	["needs-phone-email"]	[{"input": "p_alive", "value": 0.515502, "adds": 0.484498}]
fa9866ab-bd1e-4869-aabd-0dd58680d87e	2026-12-07 03:23:24.75376+00	5	5	5	champions	most_valuable	0.2554	0.744581	0.59733	65.31	107.13	["needs-big-basket-email"]	[{"input": "p_alive", "value": 0.744581, "adds": 0.255419}]
dc992601-4056-4010-93c7-a04f3576c35d	2026-12-07 03:23:11.817139+00	2	2	4	at_risk	most_growable	0.6559	0.344122	0.206794	77.89	47.58	["needs-store-bags"]	[{"input": "p_alive", "value": 0.344122, "adds": 0.655878}]
14d8bff5-ec73-4dd4-baaa-59e513562275	2026-12-07 03:23:11.817139+00	2	2	2	hibernating	maintain	0.694	0.306014	0.178045	24.14	12.80	["needs-store-bags"]	[{"input": "p_alive", "value": 0.306014, "adds": 0.693986}]
8825eae8-081f-4a92-8bd7-938f73c0273a	2026-12-07 03:23:11.817139+00	4	5	5	champions	most_growable	0.5976	0.402352	0.327436	64.48	57.72	["needs-books-frequent"]	[{"input": "p_alive", "value": 0.402352, "adds": 0.597648}]
293e9a25-9fe1-4484-84be-068ae33ff875	2026-12-07 03:23:11.817139+00	1	1	2	lost	maintain	0	1	0.483487	63.37	94.47	["needs-shoes-web"]	[{"input": "p_alive", "value": 1.0, "adds": 0.0}]
c2ee74f2-5e8c-4433-ae84-ae4a56967308	2026-12-07 03:23:24.981248+00	5	1	1	new	most_valuable	0	1	0.639558	63.37	116.76	["needs-phone-email"]	[{"input": "p_alive", "value": 1.0, "adds": 0.0}]
b4caf633-1739-41d9-80eb-409092bd7b01	2026-12-07 03:23:11.817139+00	1	1	1	lost	maintain	0	1	0.467909	63.37	92.06	["needs-shoes-web"]	[{"input": "p_alive", "value": 1.0, "adds": 0.0}]
d958b57f-4153-45fd-b447-b2834ebb92c6	2026-12-07 03:23:11.817139+00	1	1	2	lost	maintain	0	1	0.475571	63.37	93.25	["needs-shoes-web"]	[{"input": "p_alive", "value": 1.0, "adds": 0.0}]
4d05237e-6358-4bba-98cd-0790904b9ea7	2026-12-07 03:23:11.817139+00	2	2	3	at_risk	maintain	0.6754	0.324608	0.191915	51.02	29.04	["needs-store-bags"]	[{"input": "p_alive", "value": 0.324608, "adds": 0.675392}]
08830ee0-5e42-4aca-a818-7e709d2dfc6f	2026-12-07 03:23:11.817139+00	3	4	3	loyal	maintain	0.675	0.324984	0.225182	30.19	19.44	["needs-books-frequent"]	[{"input": "p_alive", "value": 0.324984, "adds": 0.675016}]
3c8de731-5f16-48b6-ba14-3ad29d654f63	2026-12-07 03:23:11.817139+00	3	5	4	loyal	maintain	0.6268	0.37325	0.299048	36.87	30.29	["needs-books-frequent"]	[{"input": "p_alive", "value": 0.37325, "adds": 0.62675}]
2a2813b2-d08f-41d5-87ff-045bacb126fc	2026-12-07 03:23:11.817139+00	3	4	4	loyal	maintain	0.6517	0.348269	0.245164	57.62	40.20	["needs-books-frequent"]	[{"input": "p_alive", "value": 0.348269, "adds": 0.651731}]
89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	2026-12-07 03:23:24.441403+00	5	5	5	champions	most_valuable	0.3792	0.620792	0.540866	174.93	253.64	["needs-big-basket-email"]	[{"input": "p_alive", "value": 0.620792, "adds": 0.379208}]
97068038-88a0-4fa2-b501-38e3f7c00a98	2026-12-07 03:23:19.394059+00	4	1	1	new	most_valuable	0	1	0.61694	63.37	113.73	["needs-shoes-web"]	[{"input": "p_alive", "value": 1.0, "adds": 0.0}]
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
scoring-service	7ead88b0-b56f-4335-a2eb-4e3414846b03	idic.customer.updated.v1	2026-12-07 03:23:10.209724+00
scoring-service	746888ea-895b-4eed-808d-355a3e2f737f	idic.interaction.recorded.v1	2026-12-07 03:23:10.849467+00
scoring-service	1add7371-2634-4e62-975d-2304e244e465	idic.interaction.recorded.v1	2026-12-07 03:23:10.849467+00
scoring-service	9f89b206-efb8-40ce-9add-327cb99a1e13	idic.interaction.recorded.v1	2026-12-07 03:23:10.849467+00
scoring-service	dba2c633-1d44-4e86-bffe-c85df4ba6aeb	idic.interaction.recorded.v1	2026-12-07 03:23:10.849467+00
scoring-service	46d6d747-fc28-4d4f-b89a-3a97d2d1a25b	idic.interaction.recorded.v1	2026-12-07 03:23:10.849467+00
scoring-service	fd630364-5614-4353-8fce-3cf54e1d83b7	idic.interaction.recorded.v1	2026-12-07 03:23:10.849467+00
scoring-service	c04d4465-5f9a-4018-8a17-8a22cdc18ad2	idic.interaction.recorded.v1	2026-12-07 03:23:10.849467+00
scoring-service	9dade115-2774-4d3b-94b7-28ed08b99860	idic.interaction.recorded.v1	2026-12-07 03:23:10.849467+00
scoring-service	f79ebbea-32ae-4e1b-b11f-b48902687a69	idic.interaction.recorded.v1	2026-12-07 03:23:10.849467+00
scoring-service	a3f326e4-4ef2-447b-af90-0c2e42fbe125	idic.interaction.recorded.v1	2026-12-07 03:23:10.849467+00
scoring-service	2f3cc531-641a-4ba5-8f93-80de621036a0	idic.interaction.recorded.v1	2026-12-07 03:23:10.849467+00
scoring-service	7ed708ce-c013-5bcf-98a8-174fdfafbf27	idic.trigger.detected.v1	2026-12-07 03:23:10.849467+00
scoring-service	da2b77b4-d179-58dd-99a2-ac78f168915e	idic.trigger.detected.v1	2026-12-07 03:23:10.849467+00
scoring-service	930d30b7-e426-5bf0-81ae-99f86089ff3c	idic.trigger.detected.v1	2026-12-07 03:23:10.849467+00
scoring-service	ed7b6835-cbfa-5568-a470-d69f7ee86448	idic.trigger.detected.v1	2026-12-07 03:23:10.849467+00
scoring-service	ceba989e-f48d-4916-aa1c-4843e2b251e6	idic.interaction.recorded.v1	2026-12-07 03:23:10.849467+00
scoring-service	913d0854-1c0d-462d-ac7a-96f704d44850	idic.interaction.recorded.v1	2026-12-07 03:23:10.849467+00
scoring-service	2172d390-71c5-4e44-9f22-2c6dc137e9ca	idic.interaction.recorded.v1	2026-12-07 03:23:10.849467+00
scoring-service	b012ae56-4f62-46d9-ba31-20de69425d41	idic.interaction.recorded.v1	2026-12-07 03:23:10.849467+00
scoring-service	b839ba24-6e20-4832-a780-8aae94f62a47	idic.interaction.recorded.v1	2026-12-07 03:23:10.849467+00
scoring-service	436c7f57-af39-4cce-b63f-f42672828a9a	idic.interaction.recorded.v1	2026-12-07 03:23:10.849467+00
scoring-service	a4ad9908-1387-4280-b7d6-4d1605df7a3b	idic.interaction.recorded.v1	2026-12-07 03:23:10.849467+00
scoring-service	a9d64a73-77ff-44ab-95a1-6f1e09ec0df7	idic.interaction.recorded.v1	2026-12-07 03:23:10.849467+00
scoring-service	ef35b9aa-bb1d-4521-8487-a6565610ee99	idic.interaction.recorded.v1	2026-12-07 03:23:10.849467+00
scoring-service	f629718a-f794-4256-9bae-60aa089b8a2e	idic.interaction.recorded.v1	2026-12-07 03:23:10.849467+00
scoring-service	a8ec2fdc-ece6-45a8-9b0f-db6398231942	idic.interaction.recorded.v1	2026-12-07 03:23:10.849467+00
scoring-service	6952b441-33af-599f-8918-7466637e156b	idic.trigger.detected.v1	2026-12-07 03:23:10.849467+00
scoring-service	be3f4044-54cc-53e8-977e-4f4cb3e556ef	idic.trigger.detected.v1	2026-12-07 03:23:10.849467+00
scoring-service	d0c41998-8470-5962-9221-a8b9d5354812	idic.trigger.detected.v1	2026-12-07 03:23:10.849467+00
scoring-service	f328cfd1-1f27-5139-a372-42c58b86283c	idic.trigger.detected.v1	2026-12-07 03:23:10.849467+00
scoring-service	30e1be35-98de-50a5-90c1-b1f7d2ccaa05	idic.trigger.detected.v1	2026-12-07 03:23:10.849467+00
scoring-service	0657cd54-92a2-47c3-89b2-f041a24c9fc1	idic.interaction.recorded.v1	2026-12-07 03:23:10.849467+00
scoring-service	b8374981-6f0e-4db4-8aee-7576b8f6ebb0	idic.interaction.recorded.v1	2026-12-07 03:23:10.849467+00
scoring-service	e2ec60ea-8a1e-4c5b-9c26-477bf2500a59	idic.interaction.recorded.v1	2026-12-07 03:23:10.849467+00
scoring-service	84f67d7e-fabd-450a-8fd1-8a6de814fc31	idic.interaction.recorded.v1	2026-12-07 03:23:10.849467+00
scoring-service	a0de2ebb-26a2-425a-9616-1b80f6d4b7a1	idic.interaction.recorded.v1	2026-12-07 03:23:10.849467+00
scoring-service	657c0f16-e19d-476b-824d-cffc53a01ead	idic.interaction.recorded.v1	2026-12-07 03:23:10.849467+00
scoring-service	bc55eaab-0f5c-4a09-9a01-0d9ca0e2b79c	idic.interaction.recorded.v1	2026-12-07 03:23:10.849467+00
scoring-service	bc789baa-083b-4ebb-bc69-a670152811fd	idic.interaction.recorded.v1	2026-12-07 03:23:10.849467+00
scoring-service	800d271d-660f-570d-9fd6-b027640fb478	idic.trigger.detected.v1	2026-12-07 03:23:10.849467+00
scoring-service	350d811b-88cf-53de-9a23-2f94f5fd54f8	idic.trigger.detected.v1	2026-12-07 03:23:10.849467+00
scoring-service	ec79e001-9792-553c-8214-3b8d92a1b4af	idic.trigger.detected.v1	2026-12-07 03:23:10.849467+00
scoring-service	c5523a32-8178-5591-8afd-cc2c76478ad3	idic.trigger.detected.v1	2026-12-07 03:23:10.849467+00
scoring-service	a481f079-799d-5333-aa77-ab9aca6e429c	idic.trigger.detected.v1	2026-12-07 03:23:10.849467+00
scoring-service	14218b4d-9bd3-501f-803f-aeee43b56361	idic.trigger.detected.v1	2026-12-07 03:23:10.849467+00
scoring-service	183a4d4d-8004-4e36-86ff-c23706ef60ce	idic.interaction.recorded.v1	2026-12-07 03:23:10.849467+00
scoring-service	b4f52444-3f57-4963-8c78-0bcfa78c0fac	idic.interaction.recorded.v1	2026-12-07 03:23:10.849467+00
scoring-service	b75165de-2b79-4f57-be88-07868cc273ed	idic.interaction.recorded.v1	2026-12-07 03:23:10.849467+00
scoring-service	77e92d5e-4e7d-51bb-9a96-2b0e503c862a	idic.trigger.detected.v1	2026-12-07 03:23:10.849467+00
scoring-service	e9962500-cc65-4db7-8041-27a80f8920bc	idic.interaction.recorded.v1	2026-12-07 03:23:10.849467+00
scoring-service	324d4a6a-5952-4ae0-a899-cba23598d75f	idic.interaction.recorded.v1	2026-12-07 03:23:10.849467+00
scoring-service	8dbed52a-6ddb-4c60-bf0d-70b4690e6365	idic.interaction.recorded.v1	2026-12-07 03:23:10.849467+00
scoring-service	0503ff70-69df-48f5-9d6c-50c053712e25	idic.interaction.recorded.v1	2026-12-07 03:23:10.849467+00
scoring-service	bcf047c9-83b5-4aaa-9483-1bde6ce394c6	idic.interaction.recorded.v1	2026-12-07 03:23:10.849467+00
scoring-service	db2d6cd9-3e6d-4add-a170-1ef24db95462	idic.interaction.recorded.v1	2026-12-07 03:23:10.849467+00
scoring-service	415f4c42-2a4c-4686-9d76-e393fc54aaa4	idic.interaction.recorded.v1	2026-12-07 03:23:10.849467+00
scoring-service	685ccfe9-a400-421b-ad69-31b34310f47e	idic.interaction.recorded.v1	2026-12-07 03:23:10.849467+00
scoring-service	52d60a45-0a8a-5bce-ab50-bfafce7fef68	idic.trigger.detected.v1	2026-12-07 03:23:10.849467+00
scoring-service	9e5f7ec8-5638-5bc3-ba03-646fad8c4d8a	idic.trigger.detected.v1	2026-12-07 03:23:10.849467+00
scoring-service	304762be-6e78-564e-8eea-53b19d5b0188	idic.trigger.detected.v1	2026-12-07 03:23:10.849467+00
scoring-service	bca8f282-5060-4c70-b10e-f1cd79b7e0bc	idic.customers.merged.v1	2026-12-07 03:23:11.212412+00
scoring-service	051ac4ff-9481-4910-897f-7a6b3cbc92c7	idic.customer.updated.v1	2026-12-07 03:23:11.212412+00
scoring-service	4dd408af-1a4b-4c5b-830c-7a4f4c70ed63	idic.interaction.recorded.v1	2026-12-07 03:23:18.89225+00
scoring-service	eb93f1ad-9221-475c-8d47-23ff25b079eb	idic.interaction.recorded.v1	2026-12-07 03:23:18.89225+00
scoring-service	df326395-6525-4056-8e34-947b9bf6aa07	idic.interaction.recorded.v1	2026-12-07 03:23:19.050819+00
scoring-service	8ba5567e-9799-4ee9-a1ce-70cc0b68a8df	idic.interaction.recorded.v1	2026-12-07 03:23:19.1972+00
scoring-service	2fe2f7ee-9015-477b-81a5-da0ab25570f1	idic.interaction.recorded.v1	2026-12-07 03:23:19.1972+00
scoring-service	eea005ca-0b56-4db7-8876-6ba77fa7e663	idic.interaction.recorded.v1	2026-12-07 03:23:19.1972+00
scoring-service	37e1dd7c-9018-46f9-a666-359c68037594	idic.interaction.recorded.v1	2026-12-07 03:23:19.373501+00
scoring-service	df8ce892-e1b0-4164-9a49-58f3af619545	idic.interaction.recorded.v1	2026-12-07 03:23:19.373501+00
scoring-service	753a15e6-4c23-40e8-aefc-8dfc9485e5b3	idic.interaction.recorded.v1	2026-12-07 03:23:19.373501+00
scoring-service	39b7d02b-c471-46ce-8caf-361aad23ec24	idic.interaction.recorded.v1	2026-12-07 03:23:19.373501+00
scoring-service	709efeb0-6a33-44f6-9e75-00c8435665a5	idic.interaction.recorded.v1	2026-12-07 03:23:19.492322+00
scoring-service	03635621-d6d3-4d27-8243-9b80c6786400	idic.interaction.recorded.v1	2026-12-07 03:23:19.492322+00
scoring-service	d3fea67e-12a3-4558-8991-4a4b8776a4e4	idic.interaction.recorded.v1	2026-12-07 03:23:24.535403+00
scoring-service	f142440d-647c-4df8-a80c-072976995f9f	idic.interaction.recorded.v1	2026-12-07 03:23:24.74671+00
scoring-service	5ab6bfe1-bbe9-470a-afa4-25efdc4b97b9	idic.interaction.recorded.v1	2026-12-07 03:23:24.74671+00
scoring-service	7f818c89-654f-4f89-ba99-c6d16946ff96	idic.interaction.recorded.v1	2026-12-07 03:23:19.593528+00
scoring-service	060856f7-a33d-428e-b137-8e999ce792bf	idic.interaction.recorded.v1	2026-12-07 03:23:24.438475+00
scoring-service	0e6c5ccb-26ea-4b76-838d-af8be04a1fc2	idic.interaction.recorded.v1	2026-12-07 03:23:24.979387+00
scoring-service	c8c7b13b-66ae-4061-b317-0d0fc046f995	idic.interaction.recorded.v1	2026-12-07 03:23:24.979387+00
scoring-service	62e2a869-437e-4207-9be7-1da83e6eac4e	idic.interaction.recorded.v1	2026-12-07 03:23:24.979387+00
\.


--
-- Data for Name: jobs; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.jobs (job_id, kind, status, params, progress_done, progress_total, result, error, created_at, started_at, finished_at, heartbeat_at, created_by) FROM stdin;
scoring_e521bb18ba82470397a95b3690b49e58	clv_fit	succeeded	{"calibration_end": "2026-11-02T10:00:00Z", "time_unit": "weeks"}	15	15	{"bgnbd": {"r": 3.8674081134648866, "alpha": 61.007514601410904, "a": 850325.6458125312, "b": 2478810.067461611}, "gamma_gamma": {"p": 67.87346694977282, "q": 3.835459155576343, "v": 2.6474717937922057}, "customers": 16, "fitted_at": "2026-12-07T03:23:11.817139Z", "time_unit": "weeks", "fit_seconds": 0.0293, "calibration_end": "2026-11-02T10:00:00Z", "rescored": {"customers": 15, "announced": 15, "seconds": 5.598}}	null	2026-12-07 03:23:11.805582+00	2026-12-07 03:23:11.814109+00	2026-12-07 03:23:17.458777+00	2026-12-07 03:23:17.45878+00	api
scoring_71b1e569a97b4ae4b6e25f2eb53c32de	rfm_refresh	succeeded	{}	15	15	{"customers": 15, "purchasers": 15, "refreshed_at": "2026-12-07T03:23:18.407868Z", "rfm": {"recency_edges": [78.0, 136.0, 186.4, 223.20000000000002], "frequency_edges": [1.0, 2.0, 2.4000000000000004, 3.200000000000001], "monetary_edges": [40.2, 78.4, 119.00000000000001, 183.80000000000007]}, "tiers": {"valuable_cutoff": 98.26276623867, "growable_cutoff": 77.94074365256583}, "needs": {"k": 5, "silhouette": 0.4977816302555271, "ids": ["needs-big-basket-email", "needs-shoes-web", "needs-books-frequent", "needs-phone-email", "needs-store-bags"]}, "announced": 0, "seconds": 0.134}	null	2026-12-07 03:23:18.369996+00	2026-12-07 03:23:18.39433+00	2026-12-07 03:23:18.541895+00	2026-12-07 03:23:18.541898+00	api
\.


--
-- Data for Name: outbox; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.outbox (id, event_id, topic, key, event_type, body, created_at, sent_at) FROM stdin;
1	47ead6dc-fa11-4278-bc92-c32815a7f1c9	idic.scoring	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	idic.customer.scored.v1	{"specversion":"1.0","id":"47ead6dc-fa11-4278-bc92-c32815a7f1c9","source":"/scoring-service","type":"idic.customer.scored.v1","time":"2026-12-07T03:23:10.865672Z","subject":"89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5","datacontenttype":"application/json","data":{"customer_id":"89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5","scored_at":"2026-12-07T03:23:10.856896Z","frequency":5,"monetary":"824.40","currency":"EUR","tier":null,"rfm_segment":null,"clv_12m":null,"p_alive":null,"churn_risk":null}}	2026-12-07 03:23:10.866238+00	2026-12-07 03:23:11.020261+00
2	5db57421-c23f-4daa-aaa1-564960c10426	idic.scoring	9e187226-b2d4-4825-970c-847484bec3d5	idic.customer.scored.v1	{"specversion":"1.0","id":"5db57421-c23f-4daa-aaa1-564960c10426","source":"/scoring-service","type":"idic.customer.scored.v1","time":"2026-12-07T03:23:10.865757Z","subject":"9e187226-b2d4-4825-970c-847484bec3d5","datacontenttype":"application/json","data":{"customer_id":"9e187226-b2d4-4825-970c-847484bec3d5","scored_at":"2026-12-07T03:23:10.856896Z","frequency":2,"monetary":"130.00","currency":"EUR","tier":null,"rfm_segment":null,"clv_12m":null,"p_alive":null,"churn_risk":null}}	2026-12-07 03:23:10.866238+00	2026-12-07 03:23:11.020261+00
3	fa60c2b2-69ba-4a73-ba82-b9d0912760e5	idic.scoring	dc992601-4056-4010-93c7-a04f3576c35d	idic.customer.scored.v1	{"specversion":"1.0","id":"fa60c2b2-69ba-4a73-ba82-b9d0912760e5","source":"/scoring-service","type":"idic.customer.scored.v1","time":"2026-12-07T03:23:10.865790Z","subject":"dc992601-4056-4010-93c7-a04f3576c35d","datacontenttype":"application/json","data":{"customer_id":"dc992601-4056-4010-93c7-a04f3576c35d","scored_at":"2026-12-07T03:23:10.856896Z","frequency":2,"monetary":"157.00","currency":"EUR","tier":null,"rfm_segment":null,"clv_12m":null,"p_alive":null,"churn_risk":null}}	2026-12-07 03:23:10.866238+00	2026-12-07 03:23:11.020261+00
4	31a45348-d533-4b23-8dbe-1f839dd97230	idic.scoring	fa9866ab-bd1e-4869-aabd-0dd58680d87e	idic.customer.scored.v1	{"specversion":"1.0","id":"31a45348-d533-4b23-8dbe-1f839dd97230","source":"/scoring-service","type":"idic.customer.scored.v1","time":"2026-12-07T03:23:10.865814Z","subject":"fa9866ab-bd1e-4869-aabd-0dd58680d87e","datacontenttype":"application/json","data":{"customer_id":"fa9866ab-bd1e-4869-aabd-0dd58680d87e","scored_at":"2026-12-07T03:23:10.856896Z","frequency":1,"monetary":"99.00","currency":"EUR","tier":null,"rfm_segment":"new","clv_12m":null,"p_alive":null,"churn_risk":null}}	2026-12-07 03:23:10.866238+00	2026-12-07 03:23:11.020261+00
5	83d57367-8f17-4934-a51f-401b4e30faca	idic.scoring	14d8bff5-ec73-4dd4-baaa-59e513562275	idic.customer.scored.v1	{"specversion":"1.0","id":"83d57367-8f17-4934-a51f-401b4e30faca","source":"/scoring-service","type":"idic.customer.scored.v1","time":"2026-12-07T03:23:10.865833Z","subject":"14d8bff5-ec73-4dd4-baaa-59e513562275","datacontenttype":"application/json","data":{"customer_id":"14d8bff5-ec73-4dd4-baaa-59e513562275","scored_at":"2026-12-07T03:23:10.856896Z","frequency":2,"monetary":"45.00","currency":"EUR","tier":null,"rfm_segment":null,"clv_12m":null,"p_alive":null,"churn_risk":null}}	2026-12-07 03:23:10.866238+00	2026-12-07 03:23:11.020261+00
6	fde11707-5fd9-4a7e-8831-511f9c1a5f7f	idic.scoring	8825eae8-081f-4a92-8bd7-938f73c0273a	idic.customer.scored.v1	{"specversion":"1.0","id":"fde11707-5fd9-4a7e-8831-511f9c1a5f7f","source":"/scoring-service","type":"idic.customer.scored.v1","time":"2026-12-07T03:23:10.865852Z","subject":"8825eae8-081f-4a92-8bd7-938f73c0273a","datacontenttype":"application/json","data":{"customer_id":"8825eae8-081f-4a92-8bd7-938f73c0273a","scored_at":"2026-12-07T03:23:10.856896Z","frequency":4,"monetary":"258.00","currency":"EUR","tier":null,"rfm_segment":null,"clv_12m":null,"p_alive":null,"churn_risk":null}}	2026-12-07 03:23:10.866238+00	2026-12-07 03:23:11.020261+00
7	84508893-c290-4ee9-8e4b-ffd94c1acb7a	idic.scoring	293e9a25-9fe1-4484-84be-068ae33ff875	idic.customer.scored.v1	{"specversion":"1.0","id":"84508893-c290-4ee9-8e4b-ffd94c1acb7a","source":"/scoring-service","type":"idic.customer.scored.v1","time":"2026-12-07T03:23:10.865874Z","subject":"293e9a25-9fe1-4484-84be-068ae33ff875","datacontenttype":"application/json","data":{"customer_id":"293e9a25-9fe1-4484-84be-068ae33ff875","scored_at":"2026-12-07T03:23:10.856896Z","frequency":1,"monetary":"71.50","currency":"EUR","tier":null,"rfm_segment":"new","clv_12m":null,"p_alive":null,"churn_risk":null}}	2026-12-07 03:23:10.866238+00	2026-12-07 03:23:11.020261+00
8	ce721d46-3f77-4c07-9158-d76db3b9a1d4	idic.scoring	97068038-88a0-4fa2-b501-38e3f7c00a98	idic.customer.scored.v1	{"specversion":"1.0","id":"ce721d46-3f77-4c07-9158-d76db3b9a1d4","source":"/scoring-service","type":"idic.customer.scored.v1","time":"2026-12-07T03:23:10.865901Z","subject":"97068038-88a0-4fa2-b501-38e3f7c00a98","datacontenttype":"application/json","data":{"customer_id":"97068038-88a0-4fa2-b501-38e3f7c00a98","scored_at":"2026-12-07T03:23:10.856896Z","frequency":1,"monetary":"19.99","currency":"EUR","tier":null,"rfm_segment":"new","clv_12m":null,"p_alive":null,"churn_risk":null}}	2026-12-07 03:23:10.866238+00	2026-12-07 03:23:11.020261+00
9	23e5a9ce-ac0c-4acd-b621-fbdc941f6d87	idic.scoring	c2ee74f2-5e8c-4433-ae84-ae4a56967308	idic.customer.scored.v1	{"specversion":"1.0","id":"23e5a9ce-ac0c-4acd-b621-fbdc941f6d87","source":"/scoring-service","type":"idic.customer.scored.v1","time":"2026-12-07T03:23:10.865923Z","subject":"c2ee74f2-5e8c-4433-ae84-ae4a56967308","datacontenttype":"application/json","data":{"customer_id":"c2ee74f2-5e8c-4433-ae84-ae4a56967308","scored_at":"2026-12-07T03:23:10.856896Z","frequency":1,"monetary":"27.00","currency":"EUR","tier":null,"rfm_segment":"new","clv_12m":null,"p_alive":null,"churn_risk":null}}	2026-12-07 03:23:10.866238+00	2026-12-07 03:23:11.020261+00
10	39d6b1fd-0af8-4ee4-9be1-de9d035fe94b	idic.scoring	b4caf633-1739-41d9-80eb-409092bd7b01	idic.customer.scored.v1	{"specversion":"1.0","id":"39d6b1fd-0af8-4ee4-9be1-de9d035fe94b","source":"/scoring-service","type":"idic.customer.scored.v1","time":"2026-12-07T03:23:10.865943Z","subject":"b4caf633-1739-41d9-80eb-409092bd7b01","datacontenttype":"application/json","data":{"customer_id":"b4caf633-1739-41d9-80eb-409092bd7b01","scored_at":"2026-12-07T03:23:10.856896Z","frequency":1,"monetary":"15.50","currency":"EUR","tier":null,"rfm_segment":"new","clv_12m":null,"p_alive":null,"churn_risk":null}}	2026-12-07 03:23:10.866238+00	2026-12-07 03:23:11.020261+00
11	f35160cc-4f3d-407f-83c6-8a44f58aa889	idic.scoring	d958b57f-4153-45fd-b447-b2834ebb92c6	idic.customer.scored.v1	{"specversion":"1.0","id":"f35160cc-4f3d-407f-83c6-8a44f58aa889","source":"/scoring-service","type":"idic.customer.scored.v1","time":"2026-12-07T03:23:10.865963Z","subject":"d958b57f-4153-45fd-b447-b2834ebb92c6","datacontenttype":"application/json","data":{"customer_id":"d958b57f-4153-45fd-b447-b2834ebb92c6","scored_at":"2026-12-07T03:23:10.856896Z","frequency":1,"monetary":"43.50","currency":"EUR","tier":null,"rfm_segment":"new","clv_12m":null,"p_alive":null,"churn_risk":null}}	2026-12-07 03:23:10.866238+00	2026-12-07 03:23:11.020261+00
12	a028bc67-6fec-4fb1-9adb-78c61b0bff44	idic.scoring	4d05237e-6358-4bba-98cd-0790904b9ea7	idic.customer.scored.v1	{"specversion":"1.0","id":"a028bc67-6fec-4fb1-9adb-78c61b0bff44","source":"/scoring-service","type":"idic.customer.scored.v1","time":"2026-12-07T03:23:10.865980Z","subject":"4d05237e-6358-4bba-98cd-0790904b9ea7","datacontenttype":"application/json","data":{"customer_id":"4d05237e-6358-4bba-98cd-0790904b9ea7","scored_at":"2026-12-07T03:23:10.856896Z","frequency":2,"monetary":"101.00","currency":"EUR","tier":null,"rfm_segment":null,"clv_12m":null,"p_alive":null,"churn_risk":null}}	2026-12-07 03:23:10.866238+00	2026-12-07 03:23:11.020261+00
13	4e6a57f3-c843-469c-96b4-fec55697edc4	idic.scoring	13ad1c9b-63da-4a3a-b567-6ed3ac92804c	idic.customer.scored.v1	{"specversion":"1.0","id":"4e6a57f3-c843-469c-96b4-fec55697edc4","source":"/scoring-service","type":"idic.customer.scored.v1","time":"2026-12-07T03:23:10.865999Z","subject":"13ad1c9b-63da-4a3a-b567-6ed3ac92804c","datacontenttype":"application/json","data":{"customer_id":"13ad1c9b-63da-4a3a-b567-6ed3ac92804c","scored_at":"2026-12-07T03:23:10.856896Z","frequency":2,"monetary":"83.00","currency":"EUR","tier":null,"rfm_segment":null,"clv_12m":null,"p_alive":null,"churn_risk":null}}	2026-12-07 03:23:10.866238+00	2026-12-07 03:23:11.020261+00
14	8eb9c88b-bc8d-41e9-9c45-26a4d3a65b1e	idic.scoring	08830ee0-5e42-4aca-a818-7e709d2dfc6f	idic.customer.scored.v1	{"specversion":"1.0","id":"8eb9c88b-bc8d-41e9-9c45-26a4d3a65b1e","source":"/scoring-service","type":"idic.customer.scored.v1","time":"2026-12-07T03:23:10.866018Z","subject":"08830ee0-5e42-4aca-a818-7e709d2dfc6f","datacontenttype":"application/json","data":{"customer_id":"08830ee0-5e42-4aca-a818-7e709d2dfc6f","scored_at":"2026-12-07T03:23:10.856896Z","frequency":3,"monetary":"88.50","currency":"EUR","tier":null,"rfm_segment":null,"clv_12m":null,"p_alive":null,"churn_risk":null}}	2026-12-07 03:23:10.866238+00	2026-12-07 03:23:11.020261+00
15	f2138eb4-c7c9-46fa-899b-0fbdc5e9d97d	idic.scoring	3c8de731-5f16-48b6-ba14-3ad29d654f63	idic.customer.scored.v1	{"specversion":"1.0","id":"f2138eb4-c7c9-46fa-899b-0fbdc5e9d97d","source":"/scoring-service","type":"idic.customer.scored.v1","time":"2026-12-07T03:23:10.866183Z","subject":"3c8de731-5f16-48b6-ba14-3ad29d654f63","datacontenttype":"application/json","data":{"customer_id":"3c8de731-5f16-48b6-ba14-3ad29d654f63","scored_at":"2026-12-07T03:23:10.856896Z","frequency":4,"monetary":"146.00","currency":"EUR","tier":null,"rfm_segment":null,"clv_12m":null,"p_alive":null,"churn_risk":null}}	2026-12-07 03:23:10.866238+00	2026-12-07 03:23:11.020261+00
16	fc5d5d81-d949-419c-a6b5-934bc2e9c018	idic.scoring	2a2813b2-d08f-41d5-87ff-045bacb126fc	idic.customer.scored.v1	{"specversion":"1.0","id":"fc5d5d81-d949-419c-a6b5-934bc2e9c018","source":"/scoring-service","type":"idic.customer.scored.v1","time":"2026-12-07T03:23:10.866210Z","subject":"2a2813b2-d08f-41d5-87ff-045bacb126fc","datacontenttype":"application/json","data":{"customer_id":"2a2813b2-d08f-41d5-87ff-045bacb126fc","scored_at":"2026-12-07T03:23:10.856896Z","frequency":3,"monetary":"172.50","currency":"EUR","tier":null,"rfm_segment":null,"clv_12m":null,"p_alive":null,"churn_risk":null}}	2026-12-07 03:23:10.866238+00	2026-12-07 03:23:11.020261+00
48	494232a9-3e54-4601-bd5c-3c446bfb625e	idic.scoring	fa9866ab-bd1e-4869-aabd-0dd58680d87e	idic.segment.changed.v1	{"specversion":"1.0","id":"494232a9-3e54-4601-bd5c-3c446bfb625e","source":"/scoring-service","type":"idic.segment.changed.v1","time":"2026-12-07T03:23:19.406388Z","subject":"fa9866ab-bd1e-4869-aabd-0dd58680d87e","datacontenttype":"application/json","data":{"customer_id":"fa9866ab-bd1e-4869-aabd-0dd58680d87e","segment_id":"needs-store-bags","entered":false,"changed_at":"2026-12-07T03:23:19.394059Z"}}	2026-12-07 03:23:19.407591+00	2026-12-07 03:23:19.439025+00
49	49c895a1-b04d-4142-9bad-f5510844ddd7	idic.scoring	fa9866ab-bd1e-4869-aabd-0dd58680d87e	idic.segment.changed.v1	{"specversion":"1.0","id":"49c895a1-b04d-4142-9bad-f5510844ddd7","source":"/scoring-service","type":"idic.segment.changed.v1","time":"2026-12-07T03:23:19.406484Z","subject":"fa9866ab-bd1e-4869-aabd-0dd58680d87e","datacontenttype":"application/json","data":{"customer_id":"fa9866ab-bd1e-4869-aabd-0dd58680d87e","segment_id":"needs-big-basket-email","entered":true,"changed_at":"2026-12-07T03:23:19.394059Z"}}	2026-12-07 03:23:19.407591+00	2026-12-07 03:23:19.439025+00
17	ff26ede9-6e74-4f37-8892-8388d3502e3d	idic.scoring	fa9866ab-bd1e-4869-aabd-0dd58680d87e	idic.customer.scored.v1	{"specversion":"1.0","id":"ff26ede9-6e74-4f37-8892-8388d3502e3d","source":"/scoring-service","type":"idic.customer.scored.v1","time":"2026-12-07T03:23:11.227987Z","subject":"fa9866ab-bd1e-4869-aabd-0dd58680d87e","datacontenttype":"application/json","data":{"customer_id":"fa9866ab-bd1e-4869-aabd-0dd58680d87e","scored_at":"2026-12-07T03:23:11.219495Z","frequency":3,"monetary":"229.00","currency":"EUR","tier":null,"rfm_segment":null,"clv_12m":null,"p_alive":null,"churn_risk":null}}	2026-12-07 03:23:11.228047+00	2026-12-07 03:23:11.244659+00
18	f7ecfb76-40b8-4be8-a4ed-17dcc13a9a14	idic.scoring	fa9866ab-bd1e-4869-aabd-0dd58680d87e	idic.customer.scored.v1	{"specversion":"1.0","id":"f7ecfb76-40b8-4be8-a4ed-17dcc13a9a14","source":"/scoring-service","type":"idic.customer.scored.v1","time":"2026-12-07T03:23:17.451747Z","subject":"fa9866ab-bd1e-4869-aabd-0dd58680d87e","datacontenttype":"application/json","data":{"customer_id":"fa9866ab-bd1e-4869-aabd-0dd58680d87e","scored_at":"2026-12-07T03:23:11.817139Z","frequency":3,"monetary":"229.00","currency":"EUR","tier":"maintain","rfm_segment":"champions","clv_12m":"92.41","p_alive":0.605774,"churn_risk":0.3942}}	2026-12-07 03:23:17.451747+00	2026-12-07 03:23:17.628683+00
51	fb41b41b-22c9-44bf-9a36-292dc5bdf732	idic.scoring	c2ee74f2-5e8c-4433-ae84-ae4a56967308	idic.segment.changed.v1	{"specversion":"1.0","id":"fb41b41b-22c9-44bf-9a36-292dc5bdf732","source":"/scoring-service","type":"idic.segment.changed.v1","time":"2026-12-07T03:23:24.990443Z","subject":"c2ee74f2-5e8c-4433-ae84-ae4a56967308","datacontenttype":"application/json","data":{"customer_id":"c2ee74f2-5e8c-4433-ae84-ae4a56967308","segment_id":"needs-shoes-web","entered":false,"changed_at":"2026-12-07T03:23:24.981248Z"}}	2026-12-07 03:23:24.990515+00	2026-12-07 03:23:25.023923+00
52	9b8edfe0-f19d-402f-a996-f17c31ce4926	idic.scoring	c2ee74f2-5e8c-4433-ae84-ae4a56967308	idic.segment.changed.v1	{"specversion":"1.0","id":"9b8edfe0-f19d-402f-a996-f17c31ce4926","source":"/scoring-service","type":"idic.segment.changed.v1","time":"2026-12-07T03:23:24.990495Z","subject":"c2ee74f2-5e8c-4433-ae84-ae4a56967308","datacontenttype":"application/json","data":{"customer_id":"c2ee74f2-5e8c-4433-ae84-ae4a56967308","segment_id":"needs-phone-email","entered":true,"changed_at":"2026-12-07T03:23:24.981248Z"}}	2026-12-07 03:23:24.990515+00	2026-12-07 03:23:25.023923+00
19	6e08eb34-655f-40c9-98b6-d0f45c04264f	idic.scoring	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	idic.customer.scored.v1	{"specversion":"1.0","id":"6e08eb34-655f-40c9-98b6-d0f45c04264f","source":"/scoring-service","type":"idic.customer.scored.v1","time":"2026-12-07T03:23:17.451747Z","subject":"89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5","datacontenttype":"application/json","data":{"customer_id":"89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5","scored_at":"2026-12-07T03:23:11.817139Z","frequency":5,"monetary":"824.40","currency":"EUR","tier":"most_valuable","rfm_segment":"champions","clv_12m":"253.64","p_alive":0.620792,"churn_risk":0.3792}}	2026-12-07 03:23:17.451747+00	2026-12-07 03:23:17.628683+00
20	ab078061-ed80-4d77-9070-f233e6bb4900	idic.scoring	dc992601-4056-4010-93c7-a04f3576c35d	idic.customer.scored.v1	{"specversion":"1.0","id":"ab078061-ed80-4d77-9070-f233e6bb4900","source":"/scoring-service","type":"idic.customer.scored.v1","time":"2026-12-07T03:23:17.451747Z","subject":"dc992601-4056-4010-93c7-a04f3576c35d","datacontenttype":"application/json","data":{"customer_id":"dc992601-4056-4010-93c7-a04f3576c35d","scored_at":"2026-12-07T03:23:11.817139Z","frequency":2,"monetary":"157.00","currency":"EUR","tier":"most_growable","rfm_segment":"at_risk","clv_12m":"47.58","p_alive":0.344122,"churn_risk":0.6559}}	2026-12-07 03:23:17.451747+00	2026-12-07 03:23:17.628683+00
21	e480177e-6a14-47f0-817b-672a78ee953b	idic.scoring	14d8bff5-ec73-4dd4-baaa-59e513562275	idic.customer.scored.v1	{"specversion":"1.0","id":"e480177e-6a14-47f0-817b-672a78ee953b","source":"/scoring-service","type":"idic.customer.scored.v1","time":"2026-12-07T03:23:17.451747Z","subject":"14d8bff5-ec73-4dd4-baaa-59e513562275","datacontenttype":"application/json","data":{"customer_id":"14d8bff5-ec73-4dd4-baaa-59e513562275","scored_at":"2026-12-07T03:23:11.817139Z","frequency":2,"monetary":"45.00","currency":"EUR","tier":"maintain","rfm_segment":"hibernating","clv_12m":"12.80","p_alive":0.306014,"churn_risk":0.694}}	2026-12-07 03:23:17.451747+00	2026-12-07 03:23:17.628683+00
22	345fce50-6c34-445f-ad58-6aa4d2e8ccf2	idic.scoring	8825eae8-081f-4a92-8bd7-938f73c0273a	idic.customer.scored.v1	{"specversion":"1.0","id":"345fce50-6c34-445f-ad58-6aa4d2e8ccf2","source":"/scoring-service","type":"idic.customer.scored.v1","time":"2026-12-07T03:23:17.451747Z","subject":"8825eae8-081f-4a92-8bd7-938f73c0273a","datacontenttype":"application/json","data":{"customer_id":"8825eae8-081f-4a92-8bd7-938f73c0273a","scored_at":"2026-12-07T03:23:11.817139Z","frequency":4,"monetary":"258.00","currency":"EUR","tier":"most_growable","rfm_segment":"champions","clv_12m":"57.72","p_alive":0.402352,"churn_risk":0.5976}}	2026-12-07 03:23:17.451747+00	2026-12-07 03:23:17.628683+00
23	780fa9b5-6f89-43de-9a14-2b8adf5152de	idic.scoring	293e9a25-9fe1-4484-84be-068ae33ff875	idic.customer.scored.v1	{"specversion":"1.0","id":"780fa9b5-6f89-43de-9a14-2b8adf5152de","source":"/scoring-service","type":"idic.customer.scored.v1","time":"2026-12-07T03:23:17.451747Z","subject":"293e9a25-9fe1-4484-84be-068ae33ff875","datacontenttype":"application/json","data":{"customer_id":"293e9a25-9fe1-4484-84be-068ae33ff875","scored_at":"2026-12-07T03:23:11.817139Z","frequency":1,"monetary":"71.50","currency":"EUR","tier":"maintain","rfm_segment":"lost","clv_12m":"94.47","p_alive":1.0,"churn_risk":0.0}}	2026-12-07 03:23:17.451747+00	2026-12-07 03:23:17.628683+00
24	a4920f3a-173e-4e81-b19c-2be4cda6b6dd	idic.scoring	97068038-88a0-4fa2-b501-38e3f7c00a98	idic.customer.scored.v1	{"specversion":"1.0","id":"a4920f3a-173e-4e81-b19c-2be4cda6b6dd","source":"/scoring-service","type":"idic.customer.scored.v1","time":"2026-12-07T03:23:17.451747Z","subject":"97068038-88a0-4fa2-b501-38e3f7c00a98","datacontenttype":"application/json","data":{"customer_id":"97068038-88a0-4fa2-b501-38e3f7c00a98","scored_at":"2026-12-07T03:23:11.817139Z","frequency":1,"monetary":"19.99","currency":"EUR","tier":"most_valuable","rfm_segment":"new","clv_12m":"113.73","p_alive":1.0,"churn_risk":0.0}}	2026-12-07 03:23:17.451747+00	2026-12-07 03:23:17.628683+00
25	fe3665c1-23c7-49f0-a5b3-c116ff101a44	idic.scoring	c2ee74f2-5e8c-4433-ae84-ae4a56967308	idic.customer.scored.v1	{"specversion":"1.0","id":"fe3665c1-23c7-49f0-a5b3-c116ff101a44","source":"/scoring-service","type":"idic.customer.scored.v1","time":"2026-12-07T03:23:17.451747Z","subject":"c2ee74f2-5e8c-4433-ae84-ae4a56967308","datacontenttype":"application/json","data":{"customer_id":"c2ee74f2-5e8c-4433-ae84-ae4a56967308","scored_at":"2026-12-07T03:23:11.817139Z","frequency":1,"monetary":"27.00","currency":"EUR","tier":"most_valuable","rfm_segment":"new","clv_12m":"116.76","p_alive":1.0,"churn_risk":0.0}}	2026-12-07 03:23:17.451747+00	2026-12-07 03:23:17.628683+00
26	ec787eb7-5817-4203-ad98-5aa617cc39dd	idic.scoring	b4caf633-1739-41d9-80eb-409092bd7b01	idic.customer.scored.v1	{"specversion":"1.0","id":"ec787eb7-5817-4203-ad98-5aa617cc39dd","source":"/scoring-service","type":"idic.customer.scored.v1","time":"2026-12-07T03:23:17.451747Z","subject":"b4caf633-1739-41d9-80eb-409092bd7b01","datacontenttype":"application/json","data":{"customer_id":"b4caf633-1739-41d9-80eb-409092bd7b01","scored_at":"2026-12-07T03:23:11.817139Z","frequency":1,"monetary":"15.50","currency":"EUR","tier":"maintain","rfm_segment":"lost","clv_12m":"92.06","p_alive":1.0,"churn_risk":0.0}}	2026-12-07 03:23:17.451747+00	2026-12-07 03:23:17.628683+00
27	18fd504d-263a-4b7d-9eb8-53abcf9142cc	idic.scoring	d958b57f-4153-45fd-b447-b2834ebb92c6	idic.customer.scored.v1	{"specversion":"1.0","id":"18fd504d-263a-4b7d-9eb8-53abcf9142cc","source":"/scoring-service","type":"idic.customer.scored.v1","time":"2026-12-07T03:23:17.451747Z","subject":"d958b57f-4153-45fd-b447-b2834ebb92c6","datacontenttype":"application/json","data":{"customer_id":"d958b57f-4153-45fd-b447-b2834ebb92c6","scored_at":"2026-12-07T03:23:11.817139Z","frequency":1,"monetary":"43.50","currency":"EUR","tier":"maintain","rfm_segment":"lost","clv_12m":"93.25","p_alive":1.0,"churn_risk":0.0}}	2026-12-07 03:23:17.451747+00	2026-12-07 03:23:17.628683+00
28	4c3e1463-e805-4a08-afa5-a14476073dc9	idic.scoring	4d05237e-6358-4bba-98cd-0790904b9ea7	idic.customer.scored.v1	{"specversion":"1.0","id":"4c3e1463-e805-4a08-afa5-a14476073dc9","source":"/scoring-service","type":"idic.customer.scored.v1","time":"2026-12-07T03:23:17.451747Z","subject":"4d05237e-6358-4bba-98cd-0790904b9ea7","datacontenttype":"application/json","data":{"customer_id":"4d05237e-6358-4bba-98cd-0790904b9ea7","scored_at":"2026-12-07T03:23:11.817139Z","frequency":2,"monetary":"101.00","currency":"EUR","tier":"maintain","rfm_segment":"at_risk","clv_12m":"29.04","p_alive":0.324608,"churn_risk":0.6754}}	2026-12-07 03:23:17.451747+00	2026-12-07 03:23:17.628683+00
29	c136a8e8-415a-4348-b6e9-3da751be0a09	idic.scoring	13ad1c9b-63da-4a3a-b567-6ed3ac92804c	idic.customer.scored.v1	{"specversion":"1.0","id":"c136a8e8-415a-4348-b6e9-3da751be0a09","source":"/scoring-service","type":"idic.customer.scored.v1","time":"2026-12-07T03:23:17.451747Z","subject":"13ad1c9b-63da-4a3a-b567-6ed3ac92804c","datacontenttype":"application/json","data":{"customer_id":"13ad1c9b-63da-4a3a-b567-6ed3ac92804c","scored_at":"2026-12-07T03:23:11.817139Z","frequency":2,"monetary":"83.00","currency":"EUR","tier":"maintain","rfm_segment":"potential_loyalists","clv_12m":"34.47","p_alive":0.515502,"churn_risk":0.4845}}	2026-12-07 03:23:17.451747+00	2026-12-07 03:23:17.628683+00
30	fe648cd6-eb0f-45c6-a961-11b7829d19f7	idic.scoring	08830ee0-5e42-4aca-a818-7e709d2dfc6f	idic.customer.scored.v1	{"specversion":"1.0","id":"fe648cd6-eb0f-45c6-a961-11b7829d19f7","source":"/scoring-service","type":"idic.customer.scored.v1","time":"2026-12-07T03:23:17.451747Z","subject":"08830ee0-5e42-4aca-a818-7e709d2dfc6f","datacontenttype":"application/json","data":{"customer_id":"08830ee0-5e42-4aca-a818-7e709d2dfc6f","scored_at":"2026-12-07T03:23:11.817139Z","frequency":3,"monetary":"88.50","currency":"EUR","tier":"maintain","rfm_segment":"loyal","clv_12m":"19.44","p_alive":0.324984,"churn_risk":0.675}}	2026-12-07 03:23:17.451747+00	2026-12-07 03:23:17.628683+00
31	313178ee-9ca1-4ccd-bbcb-6953375d7570	idic.scoring	3c8de731-5f16-48b6-ba14-3ad29d654f63	idic.customer.scored.v1	{"specversion":"1.0","id":"313178ee-9ca1-4ccd-bbcb-6953375d7570","source":"/scoring-service","type":"idic.customer.scored.v1","time":"2026-12-07T03:23:17.451747Z","subject":"3c8de731-5f16-48b6-ba14-3ad29d654f63","datacontenttype":"application/json","data":{"customer_id":"3c8de731-5f16-48b6-ba14-3ad29d654f63","scored_at":"2026-12-07T03:23:11.817139Z","frequency":4,"monetary":"146.00","currency":"EUR","tier":"maintain","rfm_segment":"loyal","clv_12m":"30.29","p_alive":0.37325,"churn_risk":0.6268}}	2026-12-07 03:23:17.451747+00	2026-12-07 03:23:17.628683+00
32	6058166c-e9bd-4d2c-9384-06b91689269f	idic.scoring	2a2813b2-d08f-41d5-87ff-045bacb126fc	idic.customer.scored.v1	{"specversion":"1.0","id":"6058166c-e9bd-4d2c-9384-06b91689269f","source":"/scoring-service","type":"idic.customer.scored.v1","time":"2026-12-07T03:23:17.451747Z","subject":"2a2813b2-d08f-41d5-87ff-045bacb126fc","datacontenttype":"application/json","data":{"customer_id":"2a2813b2-d08f-41d5-87ff-045bacb126fc","scored_at":"2026-12-07T03:23:11.817139Z","frequency":3,"monetary":"172.50","currency":"EUR","tier":"maintain","rfm_segment":"loyal","clv_12m":"40.20","p_alive":0.348269,"churn_risk":0.6517}}	2026-12-07 03:23:17.451747+00	2026-12-07 03:23:17.628683+00
33	458f826e-4a11-4c70-81a4-e3811002803b	idic.scoring	fa9866ab-bd1e-4869-aabd-0dd58680d87e	idic.segment.changed.v1	{"specversion":"1.0","id":"458f826e-4a11-4c70-81a4-e3811002803b","source":"/scoring-service","type":"idic.segment.changed.v1","time":"2026-12-07T03:23:17.451747Z","subject":"fa9866ab-bd1e-4869-aabd-0dd58680d87e","datacontenttype":"application/json","data":{"customer_id":"fa9866ab-bd1e-4869-aabd-0dd58680d87e","segment_id":"needs-store-bags","entered":true,"changed_at":"2026-12-07T03:23:11.817139Z"}}	2026-12-07 03:23:17.451747+00	2026-12-07 03:23:17.628683+00
34	7c5ed311-e626-484c-8979-7d5ee84a929e	idic.scoring	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	idic.segment.changed.v1	{"specversion":"1.0","id":"7c5ed311-e626-484c-8979-7d5ee84a929e","source":"/scoring-service","type":"idic.segment.changed.v1","time":"2026-12-07T03:23:17.451747Z","subject":"89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5","datacontenttype":"application/json","data":{"customer_id":"89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5","segment_id":"needs-big-basket-email","entered":true,"changed_at":"2026-12-07T03:23:11.817139Z"}}	2026-12-07 03:23:17.451747+00	2026-12-07 03:23:17.628683+00
35	284c7bf4-1eea-4b4f-b45d-2a0c3f9a3f8d	idic.scoring	dc992601-4056-4010-93c7-a04f3576c35d	idic.segment.changed.v1	{"specversion":"1.0","id":"284c7bf4-1eea-4b4f-b45d-2a0c3f9a3f8d","source":"/scoring-service","type":"idic.segment.changed.v1","time":"2026-12-07T03:23:17.451747Z","subject":"dc992601-4056-4010-93c7-a04f3576c35d","datacontenttype":"application/json","data":{"customer_id":"dc992601-4056-4010-93c7-a04f3576c35d","segment_id":"needs-store-bags","entered":true,"changed_at":"2026-12-07T03:23:11.817139Z"}}	2026-12-07 03:23:17.451747+00	2026-12-07 03:23:17.628683+00
36	1aefe0a6-d6c6-405e-bd57-6a4861cb9046	idic.scoring	14d8bff5-ec73-4dd4-baaa-59e513562275	idic.segment.changed.v1	{"specversion":"1.0","id":"1aefe0a6-d6c6-405e-bd57-6a4861cb9046","source":"/scoring-service","type":"idic.segment.changed.v1","time":"2026-12-07T03:23:17.451747Z","subject":"14d8bff5-ec73-4dd4-baaa-59e513562275","datacontenttype":"application/json","data":{"customer_id":"14d8bff5-ec73-4dd4-baaa-59e513562275","segment_id":"needs-store-bags","entered":true,"changed_at":"2026-12-07T03:23:11.817139Z"}}	2026-12-07 03:23:17.451747+00	2026-12-07 03:23:17.628683+00
37	3aa09bc2-1ad3-4160-af22-1ffa93ebed61	idic.scoring	8825eae8-081f-4a92-8bd7-938f73c0273a	idic.segment.changed.v1	{"specversion":"1.0","id":"3aa09bc2-1ad3-4160-af22-1ffa93ebed61","source":"/scoring-service","type":"idic.segment.changed.v1","time":"2026-12-07T03:23:17.451747Z","subject":"8825eae8-081f-4a92-8bd7-938f73c0273a","datacontenttype":"application/json","data":{"customer_id":"8825eae8-081f-4a92-8bd7-938f73c0273a","segment_id":"needs-books-frequent","entered":true,"changed_at":"2026-12-07T03:23:11.817139Z"}}	2026-12-07 03:23:17.451747+00	2026-12-07 03:23:17.628683+00
38	ec5da526-7af8-4f8b-be09-6b75c87a80cd	idic.scoring	293e9a25-9fe1-4484-84be-068ae33ff875	idic.segment.changed.v1	{"specversion":"1.0","id":"ec5da526-7af8-4f8b-be09-6b75c87a80cd","source":"/scoring-service","type":"idic.segment.changed.v1","time":"2026-12-07T03:23:17.451747Z","subject":"293e9a25-9fe1-4484-84be-068ae33ff875","datacontenttype":"application/json","data":{"customer_id":"293e9a25-9fe1-4484-84be-068ae33ff875","segment_id":"needs-shoes-web","entered":true,"changed_at":"2026-12-07T03:23:11.817139Z"}}	2026-12-07 03:23:17.451747+00	2026-12-07 03:23:17.628683+00
39	50c16719-8efb-4588-b2b9-8172e1070aa0	idic.scoring	97068038-88a0-4fa2-b501-38e3f7c00a98	idic.segment.changed.v1	{"specversion":"1.0","id":"50c16719-8efb-4588-b2b9-8172e1070aa0","source":"/scoring-service","type":"idic.segment.changed.v1","time":"2026-12-07T03:23:17.451747Z","subject":"97068038-88a0-4fa2-b501-38e3f7c00a98","datacontenttype":"application/json","data":{"customer_id":"97068038-88a0-4fa2-b501-38e3f7c00a98","segment_id":"needs-shoes-web","entered":true,"changed_at":"2026-12-07T03:23:11.817139Z"}}	2026-12-07 03:23:17.451747+00	2026-12-07 03:23:17.628683+00
40	1217b580-5345-4120-bc70-2318bd1c370e	idic.scoring	c2ee74f2-5e8c-4433-ae84-ae4a56967308	idic.segment.changed.v1	{"specversion":"1.0","id":"1217b580-5345-4120-bc70-2318bd1c370e","source":"/scoring-service","type":"idic.segment.changed.v1","time":"2026-12-07T03:23:17.451747Z","subject":"c2ee74f2-5e8c-4433-ae84-ae4a56967308","datacontenttype":"application/json","data":{"customer_id":"c2ee74f2-5e8c-4433-ae84-ae4a56967308","segment_id":"needs-shoes-web","entered":true,"changed_at":"2026-12-07T03:23:11.817139Z"}}	2026-12-07 03:23:17.451747+00	2026-12-07 03:23:17.628683+00
41	af0bafa4-50fa-4013-8340-ffb5e635156a	idic.scoring	b4caf633-1739-41d9-80eb-409092bd7b01	idic.segment.changed.v1	{"specversion":"1.0","id":"af0bafa4-50fa-4013-8340-ffb5e635156a","source":"/scoring-service","type":"idic.segment.changed.v1","time":"2026-12-07T03:23:17.451747Z","subject":"b4caf633-1739-41d9-80eb-409092bd7b01","datacontenttype":"application/json","data":{"customer_id":"b4caf633-1739-41d9-80eb-409092bd7b01","segment_id":"needs-shoes-web","entered":true,"changed_at":"2026-12-07T03:23:11.817139Z"}}	2026-12-07 03:23:17.451747+00	2026-12-07 03:23:17.628683+00
42	b085036f-258d-498b-9c36-213ea7eac784	idic.scoring	d958b57f-4153-45fd-b447-b2834ebb92c6	idic.segment.changed.v1	{"specversion":"1.0","id":"b085036f-258d-498b-9c36-213ea7eac784","source":"/scoring-service","type":"idic.segment.changed.v1","time":"2026-12-07T03:23:17.451747Z","subject":"d958b57f-4153-45fd-b447-b2834ebb92c6","datacontenttype":"application/json","data":{"customer_id":"d958b57f-4153-45fd-b447-b2834ebb92c6","segment_id":"needs-shoes-web","entered":true,"changed_at":"2026-12-07T03:23:11.817139Z"}}	2026-12-07 03:23:17.451747+00	2026-12-07 03:23:17.628683+00
43	0d1da34d-03f8-4e5a-8d60-d7ed59562511	idic.scoring	4d05237e-6358-4bba-98cd-0790904b9ea7	idic.segment.changed.v1	{"specversion":"1.0","id":"0d1da34d-03f8-4e5a-8d60-d7ed59562511","source":"/scoring-service","type":"idic.segment.changed.v1","time":"2026-12-07T03:23:17.451747Z","subject":"4d05237e-6358-4bba-98cd-0790904b9ea7","datacontenttype":"application/json","data":{"customer_id":"4d05237e-6358-4bba-98cd-0790904b9ea7","segment_id":"needs-store-bags","entered":true,"changed_at":"2026-12-07T03:23:11.817139Z"}}	2026-12-07 03:23:17.451747+00	2026-12-07 03:23:17.628683+00
44	6bc58291-1d01-4707-b801-97ee9d212a63	idic.scoring	13ad1c9b-63da-4a3a-b567-6ed3ac92804c	idic.segment.changed.v1	{"specversion":"1.0","id":"6bc58291-1d01-4707-b801-97ee9d212a63","source":"/scoring-service","type":"idic.segment.changed.v1","time":"2026-12-07T03:23:17.451747Z","subject":"13ad1c9b-63da-4a3a-b567-6ed3ac92804c","datacontenttype":"application/json","data":{"customer_id":"13ad1c9b-63da-4a3a-b567-6ed3ac92804c","segment_id":"needs-phone-email","entered":true,"changed_at":"2026-12-07T03:23:11.817139Z"}}	2026-12-07 03:23:17.451747+00	2026-12-07 03:23:17.628683+00
45	8d430bec-eee8-4152-88df-709d1e78f740	idic.scoring	08830ee0-5e42-4aca-a818-7e709d2dfc6f	idic.segment.changed.v1	{"specversion":"1.0","id":"8d430bec-eee8-4152-88df-709d1e78f740","source":"/scoring-service","type":"idic.segment.changed.v1","time":"2026-12-07T03:23:17.451747Z","subject":"08830ee0-5e42-4aca-a818-7e709d2dfc6f","datacontenttype":"application/json","data":{"customer_id":"08830ee0-5e42-4aca-a818-7e709d2dfc6f","segment_id":"needs-books-frequent","entered":true,"changed_at":"2026-12-07T03:23:11.817139Z"}}	2026-12-07 03:23:17.451747+00	2026-12-07 03:23:17.628683+00
46	816af78d-72ae-4421-8617-025e69bd5a07	idic.scoring	3c8de731-5f16-48b6-ba14-3ad29d654f63	idic.segment.changed.v1	{"specversion":"1.0","id":"816af78d-72ae-4421-8617-025e69bd5a07","source":"/scoring-service","type":"idic.segment.changed.v1","time":"2026-12-07T03:23:17.451747Z","subject":"3c8de731-5f16-48b6-ba14-3ad29d654f63","datacontenttype":"application/json","data":{"customer_id":"3c8de731-5f16-48b6-ba14-3ad29d654f63","segment_id":"needs-books-frequent","entered":true,"changed_at":"2026-12-07T03:23:11.817139Z"}}	2026-12-07 03:23:17.451747+00	2026-12-07 03:23:17.628683+00
47	39163b91-b2db-4827-affa-44a808612e8e	idic.scoring	2a2813b2-d08f-41d5-87ff-045bacb126fc	idic.segment.changed.v1	{"specversion":"1.0","id":"39163b91-b2db-4827-affa-44a808612e8e","source":"/scoring-service","type":"idic.segment.changed.v1","time":"2026-12-07T03:23:17.451747Z","subject":"2a2813b2-d08f-41d5-87ff-045bacb126fc","datacontenttype":"application/json","data":{"customer_id":"2a2813b2-d08f-41d5-87ff-045bacb126fc","segment_id":"needs-books-frequent","entered":true,"changed_at":"2026-12-07T03:23:11.817139Z"}}	2026-12-07 03:23:17.451747+00	2026-12-07 03:23:17.628683+00
50	8dd1c6dc-0d37-4f34-ab30-b440c50b2cac	idic.scoring	fa9866ab-bd1e-4869-aabd-0dd58680d87e	idic.customer.scored.v1	{"specversion":"1.0","id":"8dd1c6dc-0d37-4f34-ab30-b440c50b2cac","source":"/scoring-service","type":"idic.customer.scored.v1","time":"2026-12-07T03:23:19.520305Z","subject":"fa9866ab-bd1e-4869-aabd-0dd58680d87e","datacontenttype":"application/json","data":{"customer_id":"fa9866ab-bd1e-4869-aabd-0dd58680d87e","scored_at":"2026-12-07T03:23:19.496571Z","frequency":4,"monetary":"271.00","currency":"EUR","tier":"most_valuable","rfm_segment":"champions","clv_12m":"107.13","p_alive":0.744581,"churn_risk":0.2554}}	2026-12-07 03:23:19.520371+00	2026-12-07 03:23:19.546796+00
\.


--
-- Data for Name: population_models; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.population_models (kind, params, fitted_at) FROM stdin;
clv	{"r": 3.8674081134648866, "alpha": 61.007514601410904, "a": 850325.6458125312, "b": 2478810.067461611, "p": 67.87346694977282, "q": 3.835459155576343, "v": 2.6474717937922057, "time_unit": "weeks", "calibration_end": "2026-11-02T10:00:00+00:00", "customers": 16, "fit_seconds": 0.0293}	2026-12-07 03:23:11.817139+00
rfm	{"recency_edges": [78.0, 136.0, 186.4, 223.20000000000002], "frequency_edges": [1.0, 2.0, 2.4000000000000004, 3.200000000000001], "monetary_edges": [40.2, 78.4, 119.00000000000001, 183.80000000000007]}	2026-12-07 03:23:18.407868+00
tiers	{"valuable_cutoff": 98.26276623867, "growable_cutoff": 77.94074365256583}	2026-12-07 03:23:18.407868+00
needs	{"features": ["channel:web", "channel:store", "channel:phone", "channel:email", "channel:chat", "channel:mobile_app", "channel:social", "channel:mail", "daypart:night", "daypart:morning", "daypart:afternoon", "daypart:evening", "category:shoes", "category:bags", "category:books", "basket", "purchases", "offers"], "mean": [0.6666666666666666, 0.28888888888888886, 0.016666666666666666, 0.027777777777777776, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.6488888888888888, 0.26, 0.0911111111111111, 3.815670955613513, 1.1353135623285395, 0.0], "scale": [0.2509242175696937, 0.24695678634325405, 0.06236095644623237, 0.07243558228002944, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.259591321736663, 0.2007209228976613, 0.13233888410785993, 0.5885861382298281, 0.36990328387132443, 1.0], "centres": [[-1.3284223283101428, 0.8548504142651107, -0.2672612419124243, 1.9174124721184258, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, -0.9587719929303683, 0.6974858324629157, 0.8228034384825353, 2.2011963850544687, 1.7746420092011632, 0.0], [1.3284223283101433, -1.1697953037312039, -0.2672612419124243, -0.3834824944236852, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.3525533471696272, -1.2953308317168437, -0.6884681832200804, -0.6183183340311448, -1.1953567352551742, 0.0], [-0.33210558207753565, 0.5174094612657248, -0.2672612419124243, -0.38348249442368515, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, -0.8945685112609242, 0.15776465258089747, 1.5154695984295676, 0.012938076959434814, 0.9801280233418377, 0.0], [-0.6642111641550713, -1.1697953037312037, 3.7416573867739404, 3.067859955389481, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, -0.5735511029137025, 1.1956899985078553, -0.6884681832200804, -0.11241664623998557, -0.0992185667462113, 0.0], [-0.8302639551938392, 1.0235708907648036, -0.2672612419124243, -0.38348249442368515, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, -0.41304239874009163, 0.9881049293224636, -0.6884681832200804, 0.2377649058758742, 0.09521203511339173, 0.0]], "ids": ["needs-big-basket-email", "needs-shoes-web", "needs-books-frequent", "needs-phone-email", "needs-store-bags"], "names": ["big-basket+email", "shoes+web", "books+frequent", "phone+email", "store+bags"], "k": 5, "silhouette": 0.4977816302555271, "customers": 15}	2026-12-07 03:23:18.407868+00
population	{"customers": 15, "purchasers": 15, "repeat_buyers": 10}	2026-12-07 03:23:18.407868+00
\.


--
-- Data for Name: profiling_refusals; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.profiling_refusals (customer_id, refused_at) FROM stdin;
a923d3a6-a118-4f77-8703-c62592d91078	2026-12-07 03:23:10.173278+00
\.


--
-- Data for Name: purchase_days; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.purchase_days (customer_id, day, amount) FROM stdin;
89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	2026-03-02	120.00
89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	2026-04-12	89.90
89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	2026-06-05	240.00
89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	2026-08-09	64.50
89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	2026-10-18	310.00
fa9866ab-bd1e-4869-aabd-0dd58680d87e	2026-09-28	99.00
dc992601-4056-4010-93c7-a04f3576c35d	2026-04-18	78.50
dc992601-4056-4010-93c7-a04f3576c35d	2026-05-25	78.50
97068038-88a0-4fa2-b501-38e3f7c00a98	2026-09-18	19.99
c2ee74f2-5e8c-4433-ae84-ae4a56967308	2026-10-08	27.00
14d8bff5-ec73-4dd4-baaa-59e513562275	2026-03-25	22.50
14d8bff5-ec73-4dd4-baaa-59e513562275	2026-05-01	22.50
8825eae8-081f-4a92-8bd7-938f73c0273a	2026-04-12	64.50
8825eae8-081f-4a92-8bd7-938f73c0273a	2026-05-19	64.50
8825eae8-081f-4a92-8bd7-938f73c0273a	2026-06-25	64.50
8825eae8-081f-4a92-8bd7-938f73c0273a	2026-08-01	64.50
293e9a25-9fe1-4484-84be-068ae33ff875	2026-04-15	71.50
13ad1c9b-63da-4a3a-b567-6ed3ac92804c	2026-03-14	45.00
13ad1c9b-63da-4a3a-b567-6ed3ac92804c	2026-07-30	38.00
b4caf633-1739-41d9-80eb-409092bd7b01	2026-03-22	15.50
d958b57f-4153-45fd-b447-b2834ebb92c6	2026-04-03	43.50
4d05237e-6358-4bba-98cd-0790904b9ea7	2026-04-06	50.50
4d05237e-6358-4bba-98cd-0790904b9ea7	2026-05-13	50.50
08830ee0-5e42-4aca-a818-7e709d2dfc6f	2026-03-28	29.50
08830ee0-5e42-4aca-a818-7e709d2dfc6f	2026-05-04	29.50
08830ee0-5e42-4aca-a818-7e709d2dfc6f	2026-06-10	29.50
a923d3a6-a118-4f77-8703-c62592d91078	2026-08-29	50.00
3c8de731-5f16-48b6-ba14-3ad29d654f63	2026-03-31	36.50
3c8de731-5f16-48b6-ba14-3ad29d654f63	2026-05-07	36.50
3c8de731-5f16-48b6-ba14-3ad29d654f63	2026-06-13	36.50
3c8de731-5f16-48b6-ba14-3ad29d654f63	2026-07-20	36.50
2a2813b2-d08f-41d5-87ff-045bacb126fc	2026-04-09	57.50
2a2813b2-d08f-41d5-87ff-045bacb126fc	2026-05-16	57.50
2a2813b2-d08f-41d5-87ff-045bacb126fc	2026-06-22	57.50
fa9866ab-bd1e-4869-aabd-0dd58680d87e	2026-04-01	75.00
fa9866ab-bd1e-4869-aabd-0dd58680d87e	2026-06-30	55.00
fa9866ab-bd1e-4869-aabd-0dd58680d87e	2026-12-07	42.00
\.


--
-- Data for Name: segment_members; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.segment_members (segment_id, customer_id, since) FROM stdin;
needs-big-basket-email	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	2026-12-07 03:23:11.817139+00
needs-store-bags	dc992601-4056-4010-93c7-a04f3576c35d	2026-12-07 03:23:11.817139+00
needs-store-bags	14d8bff5-ec73-4dd4-baaa-59e513562275	2026-12-07 03:23:11.817139+00
needs-books-frequent	8825eae8-081f-4a92-8bd7-938f73c0273a	2026-12-07 03:23:11.817139+00
needs-shoes-web	293e9a25-9fe1-4484-84be-068ae33ff875	2026-12-07 03:23:11.817139+00
needs-shoes-web	97068038-88a0-4fa2-b501-38e3f7c00a98	2026-12-07 03:23:11.817139+00
needs-shoes-web	b4caf633-1739-41d9-80eb-409092bd7b01	2026-12-07 03:23:11.817139+00
needs-shoes-web	d958b57f-4153-45fd-b447-b2834ebb92c6	2026-12-07 03:23:11.817139+00
needs-store-bags	4d05237e-6358-4bba-98cd-0790904b9ea7	2026-12-07 03:23:11.817139+00
needs-phone-email	13ad1c9b-63da-4a3a-b567-6ed3ac92804c	2026-12-07 03:23:11.817139+00
needs-books-frequent	08830ee0-5e42-4aca-a818-7e709d2dfc6f	2026-12-07 03:23:11.817139+00
needs-books-frequent	3c8de731-5f16-48b6-ba14-3ad29d654f63	2026-12-07 03:23:11.817139+00
needs-books-frequent	2a2813b2-d08f-41d5-87ff-045bacb126fc	2026-12-07 03:23:11.817139+00
needs-big-basket-email	fa9866ab-bd1e-4869-aabd-0dd58680d87e	2026-12-07 03:23:19.394059+00
needs-phone-email	c2ee74f2-5e8c-4433-ae84-ae4a56967308	2026-12-07 03:23:24.981248+00
\.


--
-- Data for Name: segment_rules; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.segment_rules (segment_id, name, conditions, created_at) FROM stdin;
\.


--
-- Name: outbox_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.outbox_id_seq', 52, true);


--
-- Name: alembic_version alembic_version_pkc; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.alembic_version
    ADD CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num);


--
-- Name: customer_aliases pk_customer_aliases; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.customer_aliases
    ADD CONSTRAINT pk_customer_aliases PRIMARY KEY (merged_id);


--
-- Name: customer_features pk_customer_features; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.customer_features
    ADD CONSTRAINT pk_customer_features PRIMARY KEY (customer_id);


--
-- Name: customer_scores pk_customer_scores; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.customer_scores
    ADD CONSTRAINT pk_customer_scores PRIMARY KEY (customer_id);


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
-- Name: population_models pk_population_models; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.population_models
    ADD CONSTRAINT pk_population_models PRIMARY KEY (kind);


--
-- Name: profiling_refusals pk_profiling_refusals; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.profiling_refusals
    ADD CONSTRAINT pk_profiling_refusals PRIMARY KEY (customer_id);


--
-- Name: purchase_days pk_purchase_days; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.purchase_days
    ADD CONSTRAINT pk_purchase_days PRIMARY KEY (customer_id, day);


--
-- Name: segment_members pk_segment_members; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.segment_members
    ADD CONSTRAINT pk_segment_members PRIMARY KEY (segment_id, customer_id);


--
-- Name: segment_rules pk_segment_rules; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.segment_rules
    ADD CONSTRAINT pk_segment_rules PRIMARY KEY (segment_id);


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
-- Name: ix_segment_members_customer_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_segment_members_customer_id ON public.segment_members USING btree (customer_id);


--
-- Name: uq_jobs_active_kind; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX uq_jobs_active_kind ON public.jobs USING btree (kind) WHERE ((status)::text = ANY ((ARRAY['queued'::character varying, 'running'::character varying])::text[]));


--
-- PostgreSQL database dump complete
--

\unrestrict r9YOw2wVO9y86bFam7OGMRx7TmPQ0w5KtQjqv09fwVZP9a5puGu5R7QhfAjumhW

