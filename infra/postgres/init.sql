-- One database per service: no service can read another's tables (docker compose only).
CREATE DATABASE identity;
CREATE DATABASE interaction;
CREATE DATABASE scoring;
CREATE DATABASE treatment;
