-- One PostgreSQL role per service that can touch only its own schema. Idempotent: run it on every install and
-- upgrade, and again after changing a password (it sets the password each time).
--
--   psql "host=... dbname=writerstree user=<admin>" -v ON_ERROR_STOP=1 \
--        -v identity_password=... -v project_password=... -v content_password=... -v export_password=... \
--        -v stats_password=... -v suggestion_password=... -f service-roles.sql
--
-- Used by the Job in this directory (Kubernetes) and by docker-compose (deploy/docker/postgres-init).
-- Role names are the DB_USER values of the <service>-db Secrets. CONNECTION LIMIT = the service's connection
-- budget: DB_POOL_MAX x (HPA maxReplicas + 1 surge pod of a rolling update); deploy/k8s/README.md, checked by
-- deploy-tests (DbRolesSqlTest).

\set ON_ERROR_STOP on

-- nobody gets anything by default: no CREATE in public, no CONNECT unless granted
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database()) \gexec

CREATE TEMP TABLE wt_roles(role text, schema text, password text, connection_limit int);
INSERT INTO wt_roles VALUES
  ('wt_identity',   'identity',   :'identity_password',   40),
  ('wt_project',    'project',    :'project_password',    40),
  ('wt_content',    'content',    :'content_password',    70),
  ('wt_export',     'export',     :'export_password',     20),
  ('wt_stats',      'stats',      :'stats_password',      20),
  ('wt_suggestion', 'suggestion', :'suggestion_password', 20);

-- the role (created once, password and limit set every time)
SELECT format('CREATE ROLE %I LOGIN', role) FROM wt_roles
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = wt_roles.role) \gexec
SELECT format('ALTER ROLE %I WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS '
              'CONNECTION LIMIT %s PASSWORD %L', role, connection_limit, password) FROM wt_roles \gexec

-- its schema, owned by it: Flyway (at service start-up) creates and migrates the tables inside
SELECT format('CREATE SCHEMA IF NOT EXISTS %I AUTHORIZATION %I', schema, role) FROM wt_roles \gexec
SELECT format('ALTER SCHEMA %I OWNER TO %I', schema, role) FROM wt_roles \gexec
-- a schema Flyway created earlier as another user (e.g. postgres): hand its objects over
SELECT format('ALTER TABLE %I.%I OWNER TO %I', n.nspname, c.relname, r.role)
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN wt_roles r ON r.schema = n.nspname
 WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND pg_get_userbyid(c.relowner) <> r.role \gexec
SELECT format('ALTER SEQUENCE %I.%I OWNER TO %I', n.nspname, c.relname, r.role)
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN wt_roles r ON r.schema = n.nspname
 WHERE c.relkind = 'S' AND pg_get_userbyid(c.relowner) <> r.role
   AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')) \gexec

-- it may connect, look only into its own schema, and finds its tables without qualification
SELECT format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), role) FROM wt_roles \gexec
SELECT format('REVOKE ALL ON SCHEMA %I FROM PUBLIC', schema) FROM wt_roles \gexec
SELECT format('ALTER ROLE %I SET search_path = %I', role, schema) FROM wt_roles \gexec

DROP TABLE wt_roles;
