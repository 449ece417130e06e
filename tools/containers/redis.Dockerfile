# Stand-in for the official redis image, built offline from a debootstrap rootfs.
ARG BASE
FROM ${BASE}
ENV LANG=C.UTF-8
COPY redis-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
RUN chmod 0755 /usr/local/bin/docker-entrypoint.sh && mkdir -p /data && chown redis:redis /data
LABEL org.rehearsal.standin=redis
WORKDIR /data
EXPOSE 6379
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["redis-server"]
