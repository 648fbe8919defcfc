"""The offline mirror: serves corpus/sites/<host>/<path> on 127.0.0.1."""
