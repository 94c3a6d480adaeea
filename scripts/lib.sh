# Shared shell helpers for ./postern, ./run-tests and .ci/run. Source it; don't run it.

# Prints the path of a JDK >= 21: $JAVA_HOME, then `java` on PATH, then /usr/lib/jvm/*.
postern_find_jdk() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    local java_bin
    java_bin=$(readlink -f "$(command -v java)")
    candidates+=("$(dirname "$(dirname "$java_bin")")")
  fi
  local d
  for d in /usr/lib/jvm/*; do [ -d "$d" ] && candidates+=("$d"); done
  for d in "${candidates[@]}"; do
    if [ -x "$d/bin/java" ] && [ -x "$d/bin/javac" ]; then
      local major
      major=$("$d/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n1)
      major=${major%%.*}
      if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null; then
        echo "$d"
        return 0
      fi
    fi
  done
  return 1
}

# Exports JAVA_HOME to a JDK >= 21 or exits with a clear message.
postern_use_jdk() {
  local jdk
  if ! jdk=$(postern_find_jdk); then
    echo "postern: no JDK 21 or newer found (looked at \$JAVA_HOME, java on PATH and /usr/lib/jvm/*). Install one (e.g. Temurin 21+) and set JAVA_HOME." >&2
    exit 1
  fi
  export JAVA_HOME="$jdk"
  export PATH="$JAVA_HOME/bin:$PATH"
}

postern_require_maven() {
  if ! command -v mvn >/dev/null 2>&1; then
    echo "postern: Maven (mvn) is required to build. Install Apache Maven 3.8+ (e.g. apt-get install maven)." >&2
    exit 1
  fi
}

# True when something listens on 127.0.0.1:$1.
postern_port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && { exec 3>&- 3<&-; return 0; }
  return 1
}

# Waits up to $2 seconds for port $1.
postern_wait_port() {
  local i
  for i in $(seq 1 "$2"); do
    postern_port_open "$1" && return 0
    sleep 1
  done
  return 1
}

# Starts PostgreSQL, MariaDB and Redis when they are installed but not running (needs root).
postern_start_services() {
  if ! postern_port_open 5432 && command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    echo "Starting PostgreSQL..."
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
    postern_wait_port 5432 30 || echo "PostgreSQL did not start" >&2
  fi
  if ! postern_port_open 3306 && [ -x /usr/sbin/mariadbd ]; then
    echo "Starting MariaDB..."
    start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd || true
    postern_wait_port 3306 30 || echo "MariaDB did not start" >&2
  fi
  if ! postern_port_open 6379 && command -v redis-server >/dev/null 2>&1; then
    echo "Starting Redis..."
    mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
      --dir /var/lib/redis --logfile /var/log/redis/ci.log || true
    postern_wait_port 6379 15 || echo "Redis did not start" >&2
  fi
}

# Installs compat/'s npm packages (better-auth's client, oidc-provider, smtp-server, ...) from its lock file
# unless they are installed and up to date. Maven tests use some of them too (the social sign-in tests start
# oidc-provider), so ./run-tests calls it before Maven, and compat/run.sh again (a no-op then).
postern_compat_install() {
  local dir
  dir="$(dirname "${BASH_SOURCE[0]}")/../compat"
  command -v npm >/dev/null 2>&1 || { echo "npm (Node 20+) is required for compat/ and the social sign-in tests" >&2; return 1; }
  if [ -f "$dir/node_modules/.package-lock.json" ] && [ ! "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    return 0
  fi
  echo "Installing compat/ npm packages (npm ci)"
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
}
