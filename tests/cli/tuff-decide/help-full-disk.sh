tuff-decide -h >/dev/full
