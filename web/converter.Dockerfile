# The slide converter (web/src/converter/main.ts: POST /v1/convert on :8090; /metrics, /healthz
# and /readyz on :9090): the web image, same layout and user, plus LibreOffice Impress without a
# GUI (PowerPoint → PDF) and fonts that stand in for the ones decks use (DejaVu; Liberation for
# Arial, Times and Courier; Carlito for Calibri and Caladea for Cambria keep lines where
# PowerPoint broke them). Kubernetes runs it as the `converter` Deployment (k8s/src/manifests/
# converter.ts), with no network egress. Build from the repository root after the web image,
# with the same tag:
#   docker build -f web/Dockerfile -t ghcr.io/classpulse/classpulse-web:<tag> .
#   docker build -f web/converter.Dockerfile --build-arg WEB_IMAGE=ghcr.io/classpulse/classpulse-web:<tag> \
#     -t ghcr.io/classpulse/classpulse-converter:<tag> .

# No default: the converter must be built on the very web image it is deployed beside.
ARG WEB_IMAGE
FROM ${WEB_IMAGE}
USER root
RUN apt-get update \
  && apt-get install -y --no-install-recommends libreoffice-impress-nogui fonts-dejavu \
    fonts-liberation fonts-crosextra-carlito fonts-crosextra-caladea \
  && rm -rf /var/lib/apt/lists/*
# LibreOffice and fontconfig write a profile and caches under $HOME: the pod's /tmp (the root
# filesystem is read-only there).
ENV HOME=/tmp
USER 10001
EXPOSE 8090 9090
CMD ["node", "src/converter/main.ts"]
