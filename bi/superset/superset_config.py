"""Superset's configuration for the warehouse's dashboard (SUPERSET_CONFIG_PATH points here).

Offline: the browser may load nothing but Superset's own pages and assets (the content security
policy allows 'self' only): no map tiles, web fonts, CDN or telemetry pixel. The secret key comes
from the environment (bi/superset/setup.sh keeps one in SUPERSET_HOME); the metadata database is
SQLite under SUPERSET_HOME unless SUPERSET_METADATA_URI names another (e.g. a PostgreSQL database).
"""

import os
import sys

SECRET_KEY = os.environ.get("SUPERSET_SECRET_KEY", "")
if len(SECRET_KEY) < 32:
    sys.exit("superset_config: set SUPERSET_SECRET_KEY (32 characters or more; bi/superset/setup.sh makes one)")

DATA_DIR = os.environ.get("SUPERSET_HOME") or os.path.expanduser("~/.superset")
SQLALCHEMY_DATABASE_URI = os.environ.get("SUPERSET_METADATA_URI") or (
    f"sqlite:///{os.path.join(DATA_DIR, 'superset.db')}?check_same_thread=false"
)

# Nothing outside this server: no map tiles (deck.gl, Mapbox), web fonts or analytics pixel.
MAPBOX_API_KEY = ""
# deck.gl's one base map: a path of this server that serves no tile (an empty list breaks the app)
DECKGL_BASE_MAP = [["tile:///static/no-base-map/{z}/{x}/{y}.png", "No base map (offline)"]]
CORS_OPTIONS = {"origins": []}
THEME_FONT_URL_ALLOWED_DOMAINS = []
self_only = {
    "base-uri": ["'self'"],
    "default-src": ["'self'"],
    "img-src": ["'self'", "blob:", "data:"],
    "worker-src": ["'self'", "blob:"],
    "connect-src": ["'self'"],
    "object-src": "'none'",
    "style-src": ["'self'", "'unsafe-inline'"],
    "font-src": ["'self'", "data:"],
    "script-src": ["'self'", "'strict-dynamic'"],
}
TALISMAN_ENABLED = True
TALISMAN_CONFIG = {
    "content_security_policy": self_only,
    "content_security_policy_nonce_in": ["script-src"],
    "force_https": False,
    "session_cookie_secure": False,
}
