tuff-journey -h >/dev/full
