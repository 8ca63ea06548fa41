-- Creates the two PostgreSQL databases of Parvis, each owned by its own login role, and makes sure
-- that neither role can even connect to the other's database. Run it once, as a superuser:
--
--   psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 \
--        -v brand_db=parvis_brand     -v brand_user=parvis_brand     -v brand_password='...' \
--        -v network_db=parvis_network -v network_user=parvis_network -v network_password='...' \
--        -f server-config/postgresql-setup.sql
--
-- Parvis then creates and migrates its tables itself (Flyway) at each start.

CREATE ROLE :"brand_user" LOGIN PASSWORD :'brand_password' NOSUPERUSER NOCREATEDB NOCREATEROLE;
CREATE ROLE :"network_user" LOGIN PASSWORD :'network_password' NOSUPERUSER NOCREATEDB NOCREATEROLE;

CREATE DATABASE :"brand_db" OWNER :"brand_user" ENCODING 'UTF8' TEMPLATE template0;
CREATE DATABASE :"network_db" OWNER :"network_user" ENCODING 'UTF8' TEMPLATE template0;

-- By default every role may connect to every database (PUBLIC has CONNECT and TEMPORARY):
-- take that away, so that only the owner reaches each database.
REVOKE ALL ON DATABASE :"brand_db" FROM PUBLIC;
REVOKE ALL ON DATABASE :"network_db" FROM PUBLIC;

-- Inside each database, only the owner may use the public schema.
\connect :"brand_db"
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT ALL ON SCHEMA public TO :"brand_user";
\connect :"network_db"
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT ALL ON SCHEMA public TO :"network_user";
