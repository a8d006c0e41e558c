--
-- PostgreSQL database dump
--

\restrict tzM0BHPmNWTcdymi71p4NmdROgWOe5WkoavPiLbWpZp63f1PR0CpGd5y9y9RgwU

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
-- Name: blocking_keys; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.blocking_keys (
    key character varying(160) NOT NULL,
    customer_id character varying(36) NOT NULL
);


--
-- Name: customers; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.customers (
    id character varying(36) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    attributes json NOT NULL,
    consent json NOT NULL,
    merged_into character varying(36),
    erased_at timestamp with time zone,
    survivor_id character varying(36),
    observations json DEFAULT '[]'::json NOT NULL,
    match_profiles json
);


--
-- Name: identifiers; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.identifiers (
    id integer NOT NULL,
    customer_id character varying(36) NOT NULL,
    type character varying(32) NOT NULL,
    value character varying(512) NOT NULL,
    source character varying(64),
    created_at timestamp with time zone NOT NULL,
    origin_id character varying(36)
);


--
-- Name: identifiers_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.identifiers_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: identifiers_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.identifiers_id_seq OWNED BY public.identifiers.id;


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
-- Name: match_models; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.match_models (
    id integer NOT NULL,
    trained_at timestamp with time zone NOT NULL,
    params json NOT NULL
);


--
-- Name: match_models_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.match_models_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: match_models_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.match_models_id_seq OWNED BY public.match_models.id;


--
-- Name: merges; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.merges (
    id integer NOT NULL,
    survivor_id character varying(36) NOT NULL,
    merged_id character varying(36) NOT NULL,
    reason character varying(32) NOT NULL,
    confidence double precision,
    merged_at timestamp with time zone NOT NULL,
    unmerged_at timestamp with time zone,
    explanation json
);


--
-- Name: merges_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.merges_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: merges_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.merges_id_seq OWNED BY public.merges.id;


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
-- Name: reviews; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.reviews (
    id character varying(36) NOT NULL,
    customer_id character varying(36) NOT NULL,
    candidate_id character varying(36) NOT NULL,
    probability double precision NOT NULL,
    reason character varying(32) NOT NULL,
    status character varying(16) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    decided_at timestamp with time zone,
    details json NOT NULL
);


--
-- Name: identifiers id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.identifiers ALTER COLUMN id SET DEFAULT nextval('public.identifiers_id_seq'::regclass);


--
-- Name: match_models id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.match_models ALTER COLUMN id SET DEFAULT nextval('public.match_models_id_seq'::regclass);


--
-- Name: merges id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.merges ALTER COLUMN id SET DEFAULT nextval('public.merges_id_seq'::regclass);


--
-- Name: outbox id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.outbox ALTER COLUMN id SET DEFAULT nextval('public.outbox_id_seq'::regclass);


--
-- Data for Name: alembic_version; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.alembic_version (version_num) FROM stdin;
0007
\.


--
-- Data for Name: blocking_keys; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.blocking_keys (key, customer_id) FROM stdin;
nn:ALFS|AN	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5
nn:BNJMN|BRJR	13ad1c9b-63da-4a3a-b567-6ed3ac92804c
nn:KL|KST	97068038-88a0-4fa2-b501-38e3f7c00a98
nn:TNL|TS	fa9866ab-bd1e-4869-aabd-0dd58680d87e
nn:F|FR	a923d3a6-a118-4f77-8703-c62592d91078
\.


--
-- Data for Name: customers; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.customers (id, created_at, updated_at, attributes, consent, merged_into, erased_at, survivor_id, observations, match_profiles) FROM stdin;
89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	2026-12-07 03:23:09.491938+00	2026-12-07 03:23:09.491938+00	{"city": "Lisbon", "country": "PT", "first_name": "Ana", "last_name": "Alves"}	{}	\N	\N	\N	[["first_name", "Ana", "web", 1, "2026-12-07T03:23:09.491938+00:00", "2026-12-07T03:23:09.491938+00:00", "89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5"], ["last_name", "Alves", "web", 1, "2026-12-07T03:23:09.491938+00:00", "2026-12-07T03:23:09.491938+00:00", "89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5"], ["city", "Lisbon", "web", 1, "2026-12-07T03:23:09.491938+00:00", "2026-12-07T03:23:09.491938+00:00", "89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5"], ["country", "PT", "web", 1, "2026-12-07T03:23:09.491938+00:00", "2026-12-07T03:23:09.491938+00:00", "89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5"]]	{"v": [["ana", "alves", "", "", "lisbon", "", "ana.alves@example.com"]], "s": []}
13ad1c9b-63da-4a3a-b567-6ed3ac92804c	2026-12-07 03:23:09.524693+00	2026-12-07 03:23:09.524693+00	{"city": "Vienna", "country": "AT", "first_name": "Ben", "last_name": "Berger"}	{}	\N	\N	\N	[["first_name", "Ben", "web", 1, "2026-12-07T03:23:09.524693+00:00", "2026-12-07T03:23:09.524693+00:00", "13ad1c9b-63da-4a3a-b567-6ed3ac92804c"], ["last_name", "Berger", "web", 1, "2026-12-07T03:23:09.524693+00:00", "2026-12-07T03:23:09.524693+00:00", "13ad1c9b-63da-4a3a-b567-6ed3ac92804c"], ["city", "Vienna", "web", 1, "2026-12-07T03:23:09.524693+00:00", "2026-12-07T03:23:09.524693+00:00", "13ad1c9b-63da-4a3a-b567-6ed3ac92804c"], ["country", "AT", "web", 1, "2026-12-07T03:23:09.524693+00:00", "2026-12-07T03:23:09.524693+00:00", "13ad1c9b-63da-4a3a-b567-6ed3ac92804c"]]	{"v": [["ben", "berger", "", "", "vienna", "", "ben.berger@example.com"]], "s": []}
97068038-88a0-4fa2-b501-38e3f7c00a98	2026-12-07 03:23:09.551949+00	2026-12-07 03:23:09.551949+00	{"city": "Porto", "country": "PT", "first_name": "Cleo", "last_name": "Costa"}	{}	\N	\N	\N	[["first_name", "Cleo", "web", 1, "2026-12-07T03:23:09.551949+00:00", "2026-12-07T03:23:09.551949+00:00", "97068038-88a0-4fa2-b501-38e3f7c00a98"], ["last_name", "Costa", "web", 1, "2026-12-07T03:23:09.551949+00:00", "2026-12-07T03:23:09.551949+00:00", "97068038-88a0-4fa2-b501-38e3f7c00a98"], ["city", "Porto", "web", 1, "2026-12-07T03:23:09.551949+00:00", "2026-12-07T03:23:09.551949+00:00", "97068038-88a0-4fa2-b501-38e3f7c00a98"], ["country", "PT", "web", 1, "2026-12-07T03:23:09.551949+00:00", "2026-12-07T03:23:09.551949+00:00", "97068038-88a0-4fa2-b501-38e3f7c00a98"]]	{"v": [["cleo", "costa", "", "", "porto", "", "cleo.costa@example.com"]], "s": []}
c2ee74f2-5e8c-4433-ae84-ae4a56967308	2026-12-07 03:23:09.895781+00	2026-12-07 03:23:09.895781+00	{}	{}	\N	\N	\N	[]	{"v": [["", "", "", "", "", "", ""]], "s": []}
b4caf633-1739-41d9-80eb-409092bd7b01	2026-12-07 03:23:09.895782+00	2026-12-07 03:23:09.895782+00	{}	{}	\N	\N	\N	[]	{"v": [["", "", "", "", "", "", "filler00@example.com"]], "s": []}
14d8bff5-ec73-4dd4-baaa-59e513562275	2026-12-07 03:23:09.895783+00	2026-12-07 03:23:09.895783+00	{}	{}	\N	\N	\N	[]	{"v": [["", "", "", "", "", "", "filler01@example.com"]], "s": []}
08830ee0-5e42-4aca-a818-7e709d2dfc6f	2026-12-07 03:23:09.895785+00	2026-12-07 03:23:09.895785+00	{}	{}	\N	\N	\N	[]	{"v": [["", "", "", "", "", "", "filler02@example.com"]], "s": []}
3c8de731-5f16-48b6-ba14-3ad29d654f63	2026-12-07 03:23:09.895788+00	2026-12-07 03:23:09.895788+00	{}	{}	\N	\N	\N	[]	{"v": [["", "", "", "", "", "", "filler03@example.com"]], "s": []}
d958b57f-4153-45fd-b447-b2834ebb92c6	2026-12-07 03:23:09.895792+00	2026-12-07 03:23:09.895792+00	{}	{}	\N	\N	\N	[]	{"v": [["", "", "", "", "", "", "filler04@example.com"]], "s": []}
4d05237e-6358-4bba-98cd-0790904b9ea7	2026-12-07 03:23:09.895793+00	2026-12-07 03:23:09.895793+00	{}	{}	\N	\N	\N	[]	{"v": [["", "", "", "", "", "", "filler05@example.com"]], "s": []}
2a2813b2-d08f-41d5-87ff-045bacb126fc	2026-12-07 03:23:09.895795+00	2026-12-07 03:23:09.895795+00	{}	{}	\N	\N	\N	[]	{"v": [["", "", "", "", "", "", "filler06@example.com"]], "s": []}
8825eae8-081f-4a92-8bd7-938f73c0273a	2026-12-07 03:23:09.895798+00	2026-12-07 03:23:09.895798+00	{}	{}	\N	\N	\N	[]	{"v": [["", "", "", "", "", "", "filler07@example.com"]], "s": []}
293e9a25-9fe1-4484-84be-068ae33ff875	2026-12-07 03:23:09.895802+00	2026-12-07 03:23:09.895802+00	{}	{}	\N	\N	\N	[]	{"v": [["", "", "", "", "", "", "filler08@example.com"]], "s": []}
dc992601-4056-4010-93c7-a04f3576c35d	2026-12-07 03:23:09.895803+00	2026-12-07 03:23:09.895803+00	{}	{}	\N	\N	\N	[]	{"v": [["", "", "", "", "", "", "filler09@example.com"]], "s": []}
a923d3a6-a118-4f77-8703-c62592d91078	2026-12-07 03:23:09.619481+00	2026-12-07 03:23:10.133824+00	{"country": "PT", "first_name": "Fay", "last_name": "Faria"}	{"profiling": false}	\N	\N	\N	[["first_name", "Fay", "web", 1, "2026-12-07T03:23:09.619481+00:00", "2026-12-07T03:23:09.619481+00:00", "a923d3a6-a118-4f77-8703-c62592d91078"], ["last_name", "Faria", "web", 1, "2026-12-07T03:23:09.619481+00:00", "2026-12-07T03:23:09.619481+00:00", "a923d3a6-a118-4f77-8703-c62592d91078"], ["country", "PT", "web", 1, "2026-12-07T03:23:09.619481+00:00", "2026-12-07T03:23:09.619481+00:00", "a923d3a6-a118-4f77-8703-c62592d91078"]]	{"v": [["fay", "faria", "", "", "", "", "fay.faria@example.com"]], "s": []}
9e187226-b2d4-4825-970c-847484bec3d5	2026-12-07 03:23:09.59081+00	2026-12-07 03:23:09.59081+00	{}	{}	fa9866ab-bd1e-4869-aabd-0dd58680d87e	\N	fa9866ab-bd1e-4869-aabd-0dd58680d87e	[]	null
fa9866ab-bd1e-4869-aabd-0dd58680d87e	2026-12-07 03:23:09.574238+00	2026-12-07 03:23:11.118834+00	{"city": "Braga", "country": "PT", "first_name": "Daniel", "last_name": "Dias"}	{}	\N	\N	\N	[["first_name", "Dan", "web", 1, "2026-12-07T03:23:09.574238+00:00", "2026-12-07T03:23:09.574238+00:00", "fa9866ab-bd1e-4869-aabd-0dd58680d87e"], ["last_name", "Dias", "web", 1, "2026-12-07T03:23:09.574238+00:00", "2026-12-07T03:23:09.574238+00:00", "fa9866ab-bd1e-4869-aabd-0dd58680d87e"], ["city", "Braga", "web", 1, "2026-12-07T03:23:09.574238+00:00", "2026-12-07T03:23:09.574238+00:00", "fa9866ab-bd1e-4869-aabd-0dd58680d87e"], ["country", "PT", "web", 1, "2026-12-07T03:23:09.574238+00:00", "2026-12-07T03:23:09.574238+00:00", "fa9866ab-bd1e-4869-aabd-0dd58680d87e"], ["first_name", "Daniel", "web", 1, "2026-12-07T03:23:09.590810+00:00", "2026-12-07T03:23:09.590810+00:00", "9e187226-b2d4-4825-970c-847484bec3d5"], ["city", "Braga", "web", 1, "2026-12-07T03:23:09.590810+00:00", "2026-12-07T03:23:09.590810+00:00", "9e187226-b2d4-4825-970c-847484bec3d5"]]	{"v": [["daniel", "dias", "", "", "braga", "", "dan.dias@example.com"], ["dan", "dias", "", "", "braga", "", "dan.dias@example.com"], ["daniel", "", "", "", "braga", "", "dan.dias@example.com"]], "s": []}
\.


--
-- Data for Name: identifiers; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.identifiers (id, customer_id, type, value, source, created_at, origin_id) FROM stdin;
1	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	email	ana.alves@example.com	web	2026-12-07 03:23:09.491938+00	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5
2	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	loyalty_card	LC-1001	web	2026-12-07 03:23:09.491938+00	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5
3	13ad1c9b-63da-4a3a-b567-6ed3ac92804c	email	ben.berger@example.com	web	2026-12-07 03:23:09.524693+00	13ad1c9b-63da-4a3a-b567-6ed3ac92804c
4	13ad1c9b-63da-4a3a-b567-6ed3ac92804c	external_id	crm:ben-2002	web	2026-12-07 03:23:09.524693+00	13ad1c9b-63da-4a3a-b567-6ed3ac92804c
5	97068038-88a0-4fa2-b501-38e3f7c00a98	email	cleo.costa@example.com	web	2026-12-07 03:23:09.551949+00	97068038-88a0-4fa2-b501-38e3f7c00a98
6	fa9866ab-bd1e-4869-aabd-0dd58680d87e	email	dan.dias@example.com	web	2026-12-07 03:23:09.574238+00	fa9866ab-bd1e-4869-aabd-0dd58680d87e
8	a923d3a6-a118-4f77-8703-c62592d91078	email	fay.faria@example.com	web	2026-12-07 03:23:09.619481+00	a923d3a6-a118-4f77-8703-c62592d91078
9	c2ee74f2-5e8c-4433-ae84-ae4a56967308	cookie	ck-eve-7f3a	web	2026-12-07 03:23:09.895781+00	c2ee74f2-5e8c-4433-ae84-ae4a56967308
10	b4caf633-1739-41d9-80eb-409092bd7b01	email	filler00@example.com	web	2026-12-07 03:23:09.895782+00	b4caf633-1739-41d9-80eb-409092bd7b01
11	14d8bff5-ec73-4dd4-baaa-59e513562275	email	filler01@example.com	web	2026-12-07 03:23:09.895783+00	14d8bff5-ec73-4dd4-baaa-59e513562275
12	08830ee0-5e42-4aca-a818-7e709d2dfc6f	email	filler02@example.com	web	2026-12-07 03:23:09.895785+00	08830ee0-5e42-4aca-a818-7e709d2dfc6f
13	3c8de731-5f16-48b6-ba14-3ad29d654f63	email	filler03@example.com	web	2026-12-07 03:23:09.895788+00	3c8de731-5f16-48b6-ba14-3ad29d654f63
14	d958b57f-4153-45fd-b447-b2834ebb92c6	email	filler04@example.com	web	2026-12-07 03:23:09.895792+00	d958b57f-4153-45fd-b447-b2834ebb92c6
15	4d05237e-6358-4bba-98cd-0790904b9ea7	email	filler05@example.com	web	2026-12-07 03:23:09.895793+00	4d05237e-6358-4bba-98cd-0790904b9ea7
16	2a2813b2-d08f-41d5-87ff-045bacb126fc	email	filler06@example.com	web	2026-12-07 03:23:09.895795+00	2a2813b2-d08f-41d5-87ff-045bacb126fc
17	8825eae8-081f-4a92-8bd7-938f73c0273a	email	filler07@example.com	web	2026-12-07 03:23:09.895798+00	8825eae8-081f-4a92-8bd7-938f73c0273a
18	293e9a25-9fe1-4484-84be-068ae33ff875	email	filler08@example.com	web	2026-12-07 03:23:09.895802+00	293e9a25-9fe1-4484-84be-068ae33ff875
19	dc992601-4056-4010-93c7-a04f3576c35d	email	filler09@example.com	web	2026-12-07 03:23:09.895803+00	dc992601-4056-4010-93c7-a04f3576c35d
7	fa9866ab-bd1e-4869-aabd-0dd58680d87e	loyalty_card	LC-4711	web	2026-12-07 03:23:09.59081+00	9e187226-b2d4-4825-970c-847484bec3d5
\.


--
-- Data for Name: inbox; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.inbox (consumer_group, event_id, event_type, processed_at) FROM stdin;
\.


--
-- Data for Name: jobs; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.jobs (job_id, kind, status, params, progress_done, progress_total, result, error, created_at, started_at, finished_at, heartbeat_at, created_by) FROM stdin;
\.


--
-- Data for Name: match_models; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.match_models (id, trained_at, params) FROM stdin;
\.


--
-- Data for Name: merges; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.merges (id, survivor_id, merged_id, reason, confidence, merged_at, unmerged_at, explanation) FROM stdin;
1	fa9866ab-bd1e-4869-aabd-0dd58680d87e	9e187226-b2d4-4825-970c-847484bec3d5	manual	\N	2026-12-07 03:23:11.118834+00	\N	null
\.


--
-- Data for Name: outbox; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.outbox (id, event_id, topic, key, event_type, body, created_at, sent_at) FROM stdin;
1	20a7159a-b3ae-4fd6-95af-dd9784dc8726	idic.identity	89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5	idic.customer.identified.v1	{"specversion":"1.0","id":"20a7159a-b3ae-4fd6-95af-dd9784dc8726","source":"/identity-service","type":"idic.customer.identified.v1","time":"2026-12-07T03:23:09.497468Z","subject":"89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5","datacontenttype":"application/json","data":{"customer_id":"89848a2b-8a2c-4f3c-85ef-1bfbee33a9b5","created":true,"matched_by":"new","confidence":1.0,"identifier_keys":["4034b7ae08724afdff73974145bf0bc92174b9d37a51169a1429758419fec5ef","769313d10d40a5440e6a41db56d77df325af0e5c9b6b1d44d9bf93e0046ffd66"],"source":"web"},"requestid":"0807b9de-b600-4435-8368-8bbebc099ea4"}	2026-12-07 03:23:09.49787+00	2026-12-07 03:23:09.698346+00
2	75055633-9839-42ea-80aa-d36e6c0621b9	idic.identity	13ad1c9b-63da-4a3a-b567-6ed3ac92804c	idic.customer.identified.v1	{"specversion":"1.0","id":"75055633-9839-42ea-80aa-d36e6c0621b9","source":"/identity-service","type":"idic.customer.identified.v1","time":"2026-12-07T03:23:09.530872Z","subject":"13ad1c9b-63da-4a3a-b567-6ed3ac92804c","datacontenttype":"application/json","data":{"customer_id":"13ad1c9b-63da-4a3a-b567-6ed3ac92804c","created":true,"matched_by":"new","confidence":1.0,"identifier_keys":["fc801036ef4be74be43db33e2682c78b8d21f503eec1c0f8f74be6f47e5f55a4","43eed1ae856702fee245898d4da28d3f107c92ea166228eedad434db76c274a9"],"source":"web"},"requestid":"7991b8ea-fcac-4ef2-94e7-6077ce9588d0"}	2026-12-07 03:23:09.530946+00	2026-12-07 03:23:09.762333+00
3	770025a4-1681-4344-80c9-c74f3fe15b34	idic.identity	97068038-88a0-4fa2-b501-38e3f7c00a98	idic.customer.identified.v1	{"specversion":"1.0","id":"770025a4-1681-4344-80c9-c74f3fe15b34","source":"/identity-service","type":"idic.customer.identified.v1","time":"2026-12-07T03:23:09.554552Z","subject":"97068038-88a0-4fa2-b501-38e3f7c00a98","datacontenttype":"application/json","data":{"customer_id":"97068038-88a0-4fa2-b501-38e3f7c00a98","created":true,"matched_by":"new","confidence":1.0,"identifier_keys":["d5d2484c36d2172bec60928a2bfe74c7a3b885ab017a77b55d74434cb4d2f0d7"],"source":"web"},"requestid":"13ce5d9d-a4b4-4967-8bc1-776da856eb41"}	2026-12-07 03:23:09.554614+00	2026-12-07 03:23:09.762333+00
4	62860dcd-8ee8-4e3a-8251-2530a79acfd2	idic.identity	fa9866ab-bd1e-4869-aabd-0dd58680d87e	idic.customer.identified.v1	{"specversion":"1.0","id":"62860dcd-8ee8-4e3a-8251-2530a79acfd2","source":"/identity-service","type":"idic.customer.identified.v1","time":"2026-12-07T03:23:09.575924Z","subject":"fa9866ab-bd1e-4869-aabd-0dd58680d87e","datacontenttype":"application/json","data":{"customer_id":"fa9866ab-bd1e-4869-aabd-0dd58680d87e","created":true,"matched_by":"new","confidence":1.0,"identifier_keys":["0aef7c699c5c4bd8a8f2f563cdf90d2cc98e2004ec399629bd558c7ef34a0a8a"],"source":"web"},"requestid":"a55071e1-979b-4f90-aacc-063ad9ea9be4"}	2026-12-07 03:23:09.576062+00	2026-12-07 03:23:09.762333+00
5	7a5a573e-b7e2-468d-84e4-2ba17392f97f	idic.identity	9e187226-b2d4-4825-970c-847484bec3d5	idic.customer.identified.v1	{"specversion":"1.0","id":"7a5a573e-b7e2-468d-84e4-2ba17392f97f","source":"/identity-service","type":"idic.customer.identified.v1","time":"2026-12-07T03:23:09.591747Z","subject":"9e187226-b2d4-4825-970c-847484bec3d5","datacontenttype":"application/json","data":{"customer_id":"9e187226-b2d4-4825-970c-847484bec3d5","created":true,"matched_by":"new","confidence":1.0,"identifier_keys":["8ef8b03868cfa5ab32fe940b3ff8b8326a4664fa1f55a1c4baa69fe2f3ef0dcd"],"source":"web"},"requestid":"c7b093e4-5810-499b-b159-b55b5188c611"}	2026-12-07 03:23:09.591796+00	2026-12-07 03:23:09.762333+00
6	0541c8b6-a2d8-48d2-9cc1-2cfd533c2ff6	idic.identity	a923d3a6-a118-4f77-8703-c62592d91078	idic.customer.identified.v1	{"specversion":"1.0","id":"0541c8b6-a2d8-48d2-9cc1-2cfd533c2ff6","source":"/identity-service","type":"idic.customer.identified.v1","time":"2026-12-07T03:23:09.630022Z","subject":"a923d3a6-a118-4f77-8703-c62592d91078","datacontenttype":"application/json","data":{"customer_id":"a923d3a6-a118-4f77-8703-c62592d91078","created":true,"matched_by":"new","confidence":1.0,"identifier_keys":["be6f8c931728e6df2ce81b824d4993090c5c110cc39c3cfdf04a46065974373e"],"source":"web"},"requestid":"124183a9-c6a0-4da2-b846-6fa33589d773"}	2026-12-07 03:23:09.630662+00	2026-12-07 03:23:09.762333+00
7	72de3b8f-1fef-455d-a25c-d129221dfcb2	idic.identity	c2ee74f2-5e8c-4433-ae84-ae4a56967308	idic.customer.identified.v1	{"specversion":"1.0","id":"72de3b8f-1fef-455d-a25c-d129221dfcb2","source":"/identity-service","type":"idic.customer.identified.v1","time":"2026-12-07T03:23:09.899563Z","subject":"c2ee74f2-5e8c-4433-ae84-ae4a56967308","datacontenttype":"application/json","data":{"customer_id":"c2ee74f2-5e8c-4433-ae84-ae4a56967308","created":true,"matched_by":"new","confidence":1.0,"identifier_keys":["afb8aa1838a50ceb12a19566fdc06e877cb405403ab127492c99a14775d24f58"],"source":"web"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:09.900474+00	2026-12-07 03:23:09.927488+00
8	2dd7c681-0fc1-42be-a9ef-1dcaae4728d4	idic.identity	b4caf633-1739-41d9-80eb-409092bd7b01	idic.customer.identified.v1	{"specversion":"1.0","id":"2dd7c681-0fc1-42be-a9ef-1dcaae4728d4","source":"/identity-service","type":"idic.customer.identified.v1","time":"2026-12-07T03:23:09.899628Z","subject":"b4caf633-1739-41d9-80eb-409092bd7b01","datacontenttype":"application/json","data":{"customer_id":"b4caf633-1739-41d9-80eb-409092bd7b01","created":true,"matched_by":"new","confidence":1.0,"identifier_keys":["e53fe9b8c0d23f65812e764a5b0bb69731b319fcfd1430db188b2898aa986586"],"source":"web"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:09.900474+00	2026-12-07 03:23:09.927488+00
9	d5c9be26-8987-49e6-8a08-41a844d83e52	idic.identity	14d8bff5-ec73-4dd4-baaa-59e513562275	idic.customer.identified.v1	{"specversion":"1.0","id":"d5c9be26-8987-49e6-8a08-41a844d83e52","source":"/identity-service","type":"idic.customer.identified.v1","time":"2026-12-07T03:23:09.899653Z","subject":"14d8bff5-ec73-4dd4-baaa-59e513562275","datacontenttype":"application/json","data":{"customer_id":"14d8bff5-ec73-4dd4-baaa-59e513562275","created":true,"matched_by":"new","confidence":1.0,"identifier_keys":["ceee5a446cf92b5b8a8846583176ebb01d43634a47ea812712ef26f5a8a42a90"],"source":"web"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:09.900474+00	2026-12-07 03:23:09.927488+00
10	5a999f9b-468d-4829-b61e-71aaf24fe574	idic.identity	14d8bff5-ec73-4dd4-baaa-59e513562275	idic.customer.identified.v1	{"specversion":"1.0","id":"5a999f9b-468d-4829-b61e-71aaf24fe574","source":"/identity-service","type":"idic.customer.identified.v1","time":"2026-12-07T03:23:09.899663Z","subject":"14d8bff5-ec73-4dd4-baaa-59e513562275","datacontenttype":"application/json","data":{"customer_id":"14d8bff5-ec73-4dd4-baaa-59e513562275","created":false,"matched_by":"identifier","confidence":1.0,"identifier_keys":["ceee5a446cf92b5b8a8846583176ebb01d43634a47ea812712ef26f5a8a42a90"],"source":"store"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:09.900474+00	2026-12-07 03:23:09.927488+00
11	f84dbe2d-fd63-45e1-9a86-3e864433b49d	idic.identity	08830ee0-5e42-4aca-a818-7e709d2dfc6f	idic.customer.identified.v1	{"specversion":"1.0","id":"f84dbe2d-fd63-45e1-9a86-3e864433b49d","source":"/identity-service","type":"idic.customer.identified.v1","time":"2026-12-07T03:23:09.899673Z","subject":"08830ee0-5e42-4aca-a818-7e709d2dfc6f","datacontenttype":"application/json","data":{"customer_id":"08830ee0-5e42-4aca-a818-7e709d2dfc6f","created":true,"matched_by":"new","confidence":1.0,"identifier_keys":["8e86536e2f63a04420c6c10566ae80414235c82f354c3661f05852cfa0e6ea0b"],"source":"web"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:09.900474+00	2026-12-07 03:23:09.927488+00
12	0d11b52f-f6e3-4538-ae62-5bd816d18a30	idic.identity	08830ee0-5e42-4aca-a818-7e709d2dfc6f	idic.customer.identified.v1	{"specversion":"1.0","id":"0d11b52f-f6e3-4538-ae62-5bd816d18a30","source":"/identity-service","type":"idic.customer.identified.v1","time":"2026-12-07T03:23:09.899684Z","subject":"08830ee0-5e42-4aca-a818-7e709d2dfc6f","datacontenttype":"application/json","data":{"customer_id":"08830ee0-5e42-4aca-a818-7e709d2dfc6f","created":false,"matched_by":"identifier","confidence":1.0,"identifier_keys":["8e86536e2f63a04420c6c10566ae80414235c82f354c3661f05852cfa0e6ea0b"],"source":"store"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:09.900474+00	2026-12-07 03:23:09.927488+00
13	a52f9532-c594-4fe9-bbb2-3d947e08947b	idic.identity	08830ee0-5e42-4aca-a818-7e709d2dfc6f	idic.customer.identified.v1	{"specversion":"1.0","id":"a52f9532-c594-4fe9-bbb2-3d947e08947b","source":"/identity-service","type":"idic.customer.identified.v1","time":"2026-12-07T03:23:09.899693Z","subject":"08830ee0-5e42-4aca-a818-7e709d2dfc6f","datacontenttype":"application/json","data":{"customer_id":"08830ee0-5e42-4aca-a818-7e709d2dfc6f","created":false,"matched_by":"identifier","confidence":1.0,"identifier_keys":["8e86536e2f63a04420c6c10566ae80414235c82f354c3661f05852cfa0e6ea0b"],"source":"web"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:09.900474+00	2026-12-07 03:23:09.927488+00
14	4c29b509-672f-4854-b80e-0bb18d247e16	idic.identity	3c8de731-5f16-48b6-ba14-3ad29d654f63	idic.customer.identified.v1	{"specversion":"1.0","id":"4c29b509-672f-4854-b80e-0bb18d247e16","source":"/identity-service","type":"idic.customer.identified.v1","time":"2026-12-07T03:23:09.899702Z","subject":"3c8de731-5f16-48b6-ba14-3ad29d654f63","datacontenttype":"application/json","data":{"customer_id":"3c8de731-5f16-48b6-ba14-3ad29d654f63","created":true,"matched_by":"new","confidence":1.0,"identifier_keys":["c8f159a42edc50fd238a945e40eebc16fce1c0bee164f83f7bfe948ed1db5e34"],"source":"web"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:09.900474+00	2026-12-07 03:23:09.927488+00
15	7687d532-363e-4369-86f6-2f389c610f5b	idic.identity	3c8de731-5f16-48b6-ba14-3ad29d654f63	idic.customer.identified.v1	{"specversion":"1.0","id":"7687d532-363e-4369-86f6-2f389c610f5b","source":"/identity-service","type":"idic.customer.identified.v1","time":"2026-12-07T03:23:09.899710Z","subject":"3c8de731-5f16-48b6-ba14-3ad29d654f63","datacontenttype":"application/json","data":{"customer_id":"3c8de731-5f16-48b6-ba14-3ad29d654f63","created":false,"matched_by":"identifier","confidence":1.0,"identifier_keys":["c8f159a42edc50fd238a945e40eebc16fce1c0bee164f83f7bfe948ed1db5e34"],"source":"store"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:09.900474+00	2026-12-07 03:23:09.927488+00
16	8f231fa7-51e9-4aec-b570-9dff343175a5	idic.identity	3c8de731-5f16-48b6-ba14-3ad29d654f63	idic.customer.identified.v1	{"specversion":"1.0","id":"8f231fa7-51e9-4aec-b570-9dff343175a5","source":"/identity-service","type":"idic.customer.identified.v1","time":"2026-12-07T03:23:09.899719Z","subject":"3c8de731-5f16-48b6-ba14-3ad29d654f63","datacontenttype":"application/json","data":{"customer_id":"3c8de731-5f16-48b6-ba14-3ad29d654f63","created":false,"matched_by":"identifier","confidence":1.0,"identifier_keys":["c8f159a42edc50fd238a945e40eebc16fce1c0bee164f83f7bfe948ed1db5e34"],"source":"web"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:09.900474+00	2026-12-07 03:23:09.927488+00
17	a3d50273-6429-4263-ad76-72a431c8bff9	idic.identity	3c8de731-5f16-48b6-ba14-3ad29d654f63	idic.customer.identified.v1	{"specversion":"1.0","id":"a3d50273-6429-4263-ad76-72a431c8bff9","source":"/identity-service","type":"idic.customer.identified.v1","time":"2026-12-07T03:23:09.899729Z","subject":"3c8de731-5f16-48b6-ba14-3ad29d654f63","datacontenttype":"application/json","data":{"customer_id":"3c8de731-5f16-48b6-ba14-3ad29d654f63","created":false,"matched_by":"identifier","confidence":1.0,"identifier_keys":["c8f159a42edc50fd238a945e40eebc16fce1c0bee164f83f7bfe948ed1db5e34"],"source":"store"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:09.900474+00	2026-12-07 03:23:09.927488+00
18	73e4e807-9d26-43e6-9477-f741d2d9b6e5	idic.identity	d958b57f-4153-45fd-b447-b2834ebb92c6	idic.customer.identified.v1	{"specversion":"1.0","id":"73e4e807-9d26-43e6-9477-f741d2d9b6e5","source":"/identity-service","type":"idic.customer.identified.v1","time":"2026-12-07T03:23:09.899737Z","subject":"d958b57f-4153-45fd-b447-b2834ebb92c6","datacontenttype":"application/json","data":{"customer_id":"d958b57f-4153-45fd-b447-b2834ebb92c6","created":true,"matched_by":"new","confidence":1.0,"identifier_keys":["3014ca94e98f3a05f0f460e9c5a9643bcf1d43887625be111fa76ba30fc53d91"],"source":"web"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:09.900474+00	2026-12-07 03:23:09.927488+00
19	1e0fc200-dbbc-4ab7-ba86-0d3fc7fc25bb	idic.identity	4d05237e-6358-4bba-98cd-0790904b9ea7	idic.customer.identified.v1	{"specversion":"1.0","id":"1e0fc200-dbbc-4ab7-ba86-0d3fc7fc25bb","source":"/identity-service","type":"idic.customer.identified.v1","time":"2026-12-07T03:23:09.899747Z","subject":"4d05237e-6358-4bba-98cd-0790904b9ea7","datacontenttype":"application/json","data":{"customer_id":"4d05237e-6358-4bba-98cd-0790904b9ea7","created":true,"matched_by":"new","confidence":1.0,"identifier_keys":["a1ee72fe4ffd92533197d155d1c1ffe55a377966224436c9c0c209753f615d51"],"source":"web"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:09.900474+00	2026-12-07 03:23:09.927488+00
20	5c7e5348-bade-439f-b677-a26f6fb7e01c	idic.identity	4d05237e-6358-4bba-98cd-0790904b9ea7	idic.customer.identified.v1	{"specversion":"1.0","id":"5c7e5348-bade-439f-b677-a26f6fb7e01c","source":"/identity-service","type":"idic.customer.identified.v1","time":"2026-12-07T03:23:09.899757Z","subject":"4d05237e-6358-4bba-98cd-0790904b9ea7","datacontenttype":"application/json","data":{"customer_id":"4d05237e-6358-4bba-98cd-0790904b9ea7","created":false,"matched_by":"identifier","confidence":1.0,"identifier_keys":["a1ee72fe4ffd92533197d155d1c1ffe55a377966224436c9c0c209753f615d51"],"source":"store"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:09.900474+00	2026-12-07 03:23:09.927488+00
21	f32e1317-1e2c-4d88-806f-2a0f7d427479	idic.identity	2a2813b2-d08f-41d5-87ff-045bacb126fc	idic.customer.identified.v1	{"specversion":"1.0","id":"f32e1317-1e2c-4d88-806f-2a0f7d427479","source":"/identity-service","type":"idic.customer.identified.v1","time":"2026-12-07T03:23:09.899767Z","subject":"2a2813b2-d08f-41d5-87ff-045bacb126fc","datacontenttype":"application/json","data":{"customer_id":"2a2813b2-d08f-41d5-87ff-045bacb126fc","created":true,"matched_by":"new","confidence":1.0,"identifier_keys":["6f9b35b2e30af8a5e5984cdd9b20297f3b9843a53dd7cc4cd987b754442d1b8f"],"source":"web"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:09.900474+00	2026-12-07 03:23:09.927488+00
22	0871405a-d5ef-4e8a-8ab7-98fd075b63ae	idic.identity	2a2813b2-d08f-41d5-87ff-045bacb126fc	idic.customer.identified.v1	{"specversion":"1.0","id":"0871405a-d5ef-4e8a-8ab7-98fd075b63ae","source":"/identity-service","type":"idic.customer.identified.v1","time":"2026-12-07T03:23:09.899776Z","subject":"2a2813b2-d08f-41d5-87ff-045bacb126fc","datacontenttype":"application/json","data":{"customer_id":"2a2813b2-d08f-41d5-87ff-045bacb126fc","created":false,"matched_by":"identifier","confidence":1.0,"identifier_keys":["6f9b35b2e30af8a5e5984cdd9b20297f3b9843a53dd7cc4cd987b754442d1b8f"],"source":"store"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:09.900474+00	2026-12-07 03:23:09.927488+00
23	c56cb87d-b91d-4e37-9b3f-c73464165489	idic.identity	2a2813b2-d08f-41d5-87ff-045bacb126fc	idic.customer.identified.v1	{"specversion":"1.0","id":"c56cb87d-b91d-4e37-9b3f-c73464165489","source":"/identity-service","type":"idic.customer.identified.v1","time":"2026-12-07T03:23:09.899786Z","subject":"2a2813b2-d08f-41d5-87ff-045bacb126fc","datacontenttype":"application/json","data":{"customer_id":"2a2813b2-d08f-41d5-87ff-045bacb126fc","created":false,"matched_by":"identifier","confidence":1.0,"identifier_keys":["6f9b35b2e30af8a5e5984cdd9b20297f3b9843a53dd7cc4cd987b754442d1b8f"],"source":"web"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:09.900474+00	2026-12-07 03:23:09.927488+00
24	c6b38a1c-8c44-4d44-a751-4258c5be225c	idic.identity	8825eae8-081f-4a92-8bd7-938f73c0273a	idic.customer.identified.v1	{"specversion":"1.0","id":"c6b38a1c-8c44-4d44-a751-4258c5be225c","source":"/identity-service","type":"idic.customer.identified.v1","time":"2026-12-07T03:23:09.899797Z","subject":"8825eae8-081f-4a92-8bd7-938f73c0273a","datacontenttype":"application/json","data":{"customer_id":"8825eae8-081f-4a92-8bd7-938f73c0273a","created":true,"matched_by":"new","confidence":1.0,"identifier_keys":["d9f6d4a799e80f5b66341ab7b9d5458bb2584de4af1f08b432ab179ccb4b7019"],"source":"web"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:09.900474+00	2026-12-07 03:23:09.927488+00
25	9af73de1-5164-4fe9-be5f-3b3a589e20bc	idic.identity	8825eae8-081f-4a92-8bd7-938f73c0273a	idic.customer.identified.v1	{"specversion":"1.0","id":"9af73de1-5164-4fe9-be5f-3b3a589e20bc","source":"/identity-service","type":"idic.customer.identified.v1","time":"2026-12-07T03:23:09.899808Z","subject":"8825eae8-081f-4a92-8bd7-938f73c0273a","datacontenttype":"application/json","data":{"customer_id":"8825eae8-081f-4a92-8bd7-938f73c0273a","created":false,"matched_by":"identifier","confidence":1.0,"identifier_keys":["d9f6d4a799e80f5b66341ab7b9d5458bb2584de4af1f08b432ab179ccb4b7019"],"source":"store"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:09.900474+00	2026-12-07 03:23:09.927488+00
26	849ec99d-9ace-40e4-bcb2-4e6e37fd8468	idic.identity	8825eae8-081f-4a92-8bd7-938f73c0273a	idic.customer.identified.v1	{"specversion":"1.0","id":"849ec99d-9ace-40e4-bcb2-4e6e37fd8468","source":"/identity-service","type":"idic.customer.identified.v1","time":"2026-12-07T03:23:09.899818Z","subject":"8825eae8-081f-4a92-8bd7-938f73c0273a","datacontenttype":"application/json","data":{"customer_id":"8825eae8-081f-4a92-8bd7-938f73c0273a","created":false,"matched_by":"identifier","confidence":1.0,"identifier_keys":["d9f6d4a799e80f5b66341ab7b9d5458bb2584de4af1f08b432ab179ccb4b7019"],"source":"web"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:09.900474+00	2026-12-07 03:23:09.927488+00
27	6fb7dad7-fce8-4506-becf-0223796e269d	idic.identity	8825eae8-081f-4a92-8bd7-938f73c0273a	idic.customer.identified.v1	{"specversion":"1.0","id":"6fb7dad7-fce8-4506-becf-0223796e269d","source":"/identity-service","type":"idic.customer.identified.v1","time":"2026-12-07T03:23:09.899829Z","subject":"8825eae8-081f-4a92-8bd7-938f73c0273a","datacontenttype":"application/json","data":{"customer_id":"8825eae8-081f-4a92-8bd7-938f73c0273a","created":false,"matched_by":"identifier","confidence":1.0,"identifier_keys":["d9f6d4a799e80f5b66341ab7b9d5458bb2584de4af1f08b432ab179ccb4b7019"],"source":"store"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:09.900474+00	2026-12-07 03:23:09.927488+00
28	21d0fcdb-3034-439a-922b-e3b5b57d4dad	idic.identity	293e9a25-9fe1-4484-84be-068ae33ff875	idic.customer.identified.v1	{"specversion":"1.0","id":"21d0fcdb-3034-439a-922b-e3b5b57d4dad","source":"/identity-service","type":"idic.customer.identified.v1","time":"2026-12-07T03:23:09.899838Z","subject":"293e9a25-9fe1-4484-84be-068ae33ff875","datacontenttype":"application/json","data":{"customer_id":"293e9a25-9fe1-4484-84be-068ae33ff875","created":true,"matched_by":"new","confidence":1.0,"identifier_keys":["4ed8cfe74a834de7fd5c1b8c8bdc9af15191faa18eff181f227208fa5542d271"],"source":"web"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:09.900474+00	2026-12-07 03:23:09.927488+00
29	c12533ce-c278-46f4-8489-1732b7d0ec0e	idic.identity	dc992601-4056-4010-93c7-a04f3576c35d	idic.customer.identified.v1	{"specversion":"1.0","id":"c12533ce-c278-46f4-8489-1732b7d0ec0e","source":"/identity-service","type":"idic.customer.identified.v1","time":"2026-12-07T03:23:09.899846Z","subject":"dc992601-4056-4010-93c7-a04f3576c35d","datacontenttype":"application/json","data":{"customer_id":"dc992601-4056-4010-93c7-a04f3576c35d","created":true,"matched_by":"new","confidence":1.0,"identifier_keys":["324f2ecf61f63d4f3e875bae030bb06d2eea7435faf2252d9b09d94ac62b31e6"],"source":"web"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:09.900474+00	2026-12-07 03:23:09.927488+00
30	db30a31d-483a-4a32-8ca5-a665fb61821d	idic.identity	dc992601-4056-4010-93c7-a04f3576c35d	idic.customer.identified.v1	{"specversion":"1.0","id":"db30a31d-483a-4a32-8ca5-a665fb61821d","source":"/identity-service","type":"idic.customer.identified.v1","time":"2026-12-07T03:23:09.899855Z","subject":"dc992601-4056-4010-93c7-a04f3576c35d","datacontenttype":"application/json","data":{"customer_id":"dc992601-4056-4010-93c7-a04f3576c35d","created":false,"matched_by":"identifier","confidence":1.0,"identifier_keys":["324f2ecf61f63d4f3e875bae030bb06d2eea7435faf2252d9b09d94ac62b31e6"],"source":"store"},"requestid":"747c4f15-8e7d-4d9e-ae5c-4a43ff07a06a"}	2026-12-07 03:23:09.900474+00	2026-12-07 03:23:09.927488+00
31	7ead88b0-b56f-4335-a2eb-4e3414846b03	idic.identity	a923d3a6-a118-4f77-8703-c62592d91078	idic.customer.updated.v1	{"specversion":"1.0","id":"7ead88b0-b56f-4335-a2eb-4e3414846b03","source":"/identity-service","type":"idic.customer.updated.v1","time":"2026-12-07T03:23:10.134056Z","subject":"a923d3a6-a118-4f77-8703-c62592d91078","datacontenttype":"application/json","data":{"customer_id":"a923d3a6-a118-4f77-8703-c62592d91078","changed_attributes":[],"added_identifier_keys":[],"birthday_month_day":null,"consent":{"profiling":false},"moved":false},"requestid":"b0626edd-8cf7-4906-bf23-b8de9bb86d3d"}	2026-12-07 03:23:10.134104+00	2026-12-07 03:23:10.183297+00
32	bca8f282-5060-4c70-b10e-f1cd79b7e0bc	idic.identity	fa9866ab-bd1e-4869-aabd-0dd58680d87e	idic.customers.merged.v1	{"specversion":"1.0","id":"bca8f282-5060-4c70-b10e-f1cd79b7e0bc","source":"/identity-service","type":"idic.customers.merged.v1","time":"2026-12-07T03:23:11.136328Z","subject":"fa9866ab-bd1e-4869-aabd-0dd58680d87e","datacontenttype":"application/json","data":{"customer_id":"fa9866ab-bd1e-4869-aabd-0dd58680d87e","merged_ids":["9e187226-b2d4-4825-970c-847484bec3d5"],"confidence":null},"requestid":"e7165d4b-52f1-4f61-a11d-ff4ed160d3a6"}	2026-12-07 03:23:11.136493+00	2026-12-07 03:23:11.178531+00
33	051ac4ff-9481-4910-897f-7a6b3cbc92c7	idic.identity	fa9866ab-bd1e-4869-aabd-0dd58680d87e	idic.customer.updated.v1	{"specversion":"1.0","id":"051ac4ff-9481-4910-897f-7a6b3cbc92c7","source":"/identity-service","type":"idic.customer.updated.v1","time":"2026-12-07T03:23:11.136449Z","subject":"fa9866ab-bd1e-4869-aabd-0dd58680d87e","datacontenttype":"application/json","data":{"customer_id":"fa9866ab-bd1e-4869-aabd-0dd58680d87e","changed_attributes":["first_name"],"added_identifier_keys":[],"birthday_month_day":null,"consent":null,"moved":false},"requestid":"e7165d4b-52f1-4f61-a11d-ff4ed160d3a6"}	2026-12-07 03:23:11.136493+00	2026-12-07 03:23:11.178531+00
\.


--
-- Data for Name: reviews; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.reviews (id, customer_id, candidate_id, probability, reason, status, created_at, decided_at, details) FROM stdin;
\.


--
-- Name: identifiers_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.identifiers_id_seq', 19, true);


--
-- Name: match_models_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.match_models_id_seq', 1, false);


--
-- Name: merges_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.merges_id_seq', 1, true);


--
-- Name: outbox_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.outbox_id_seq', 33, true);


--
-- Name: alembic_version alembic_version_pkc; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.alembic_version
    ADD CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num);


--
-- Name: blocking_keys pk_blocking_keys; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.blocking_keys
    ADD CONSTRAINT pk_blocking_keys PRIMARY KEY (key, customer_id);


--
-- Name: customers pk_customers; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.customers
    ADD CONSTRAINT pk_customers PRIMARY KEY (id);


--
-- Name: identifiers pk_identifiers; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.identifiers
    ADD CONSTRAINT pk_identifiers PRIMARY KEY (id);


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
-- Name: match_models pk_match_models; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.match_models
    ADD CONSTRAINT pk_match_models PRIMARY KEY (id);


--
-- Name: merges pk_merges; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.merges
    ADD CONSTRAINT pk_merges PRIMARY KEY (id);


--
-- Name: outbox pk_outbox; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.outbox
    ADD CONSTRAINT pk_outbox PRIMARY KEY (id);


--
-- Name: reviews pk_reviews; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reviews
    ADD CONSTRAINT pk_reviews PRIMARY KEY (id);


--
-- Name: identifiers uq_identifiers_type_value; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.identifiers
    ADD CONSTRAINT uq_identifiers_type_value UNIQUE (type, value);


--
-- Name: outbox uq_outbox_event_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.outbox
    ADD CONSTRAINT uq_outbox_event_id UNIQUE (event_id);


--
-- Name: ix_blocking_keys_customer_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_blocking_keys_customer_id ON public.blocking_keys USING btree (customer_id);


--
-- Name: ix_customers_merged_into; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_customers_merged_into ON public.customers USING btree (merged_into);


--
-- Name: ix_customers_survivor_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_customers_survivor_id ON public.customers USING btree (survivor_id);


--
-- Name: ix_identifiers_customer_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_identifiers_customer_id ON public.identifiers USING btree (customer_id);


--
-- Name: ix_identifiers_origin_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_identifiers_origin_id ON public.identifiers USING btree (origin_id);


--
-- Name: ix_jobs_kind_created_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_jobs_kind_created_at ON public.jobs USING btree (kind, created_at);


--
-- Name: ix_merges_merged_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_merges_merged_id ON public.merges USING btree (merged_id);


--
-- Name: ix_merges_survivor_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_merges_survivor_id ON public.merges USING btree (survivor_id);


--
-- Name: ix_outbox_sent_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_outbox_sent_at ON public.outbox USING btree (sent_at);


--
-- Name: ix_outbox_unsent; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_outbox_unsent ON public.outbox USING btree (id) WHERE (sent_at IS NULL);


--
-- Name: ix_reviews_candidate_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_reviews_candidate_id ON public.reviews USING btree (candidate_id);


--
-- Name: ix_reviews_customer_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_reviews_customer_id ON public.reviews USING btree (customer_id);


--
-- Name: ix_reviews_status_created_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_reviews_status_created_at ON public.reviews USING btree (status, created_at);


--
-- Name: uq_jobs_active_kind; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX uq_jobs_active_kind ON public.jobs USING btree (kind) WHERE ((status)::text = ANY ((ARRAY['queued'::character varying, 'running'::character varying])::text[]));


--
-- Name: identifiers fk_identifiers_customer_id_customers; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.identifiers
    ADD CONSTRAINT fk_identifiers_customer_id_customers FOREIGN KEY (customer_id) REFERENCES public.customers(id) ON DELETE CASCADE;


--
-- PostgreSQL database dump complete
--

\unrestrict tzM0BHPmNWTcdymi71p4NmdROgWOe5WkoavPiLbWpZp63f1PR0CpGd5y9y9RgwU

