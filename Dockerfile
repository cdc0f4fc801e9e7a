# syntax=docker/dockerfile:1
# The built widget and the booking proxy as one container: `node dist-server/serve.js` on port
# 8080 (README: Going live → Container). Not built in this repo's CI, which has no Docker engine;
# test/deploy-container.test.ts checks what can be checked without one.
#   docker build -t booking-widget .
#   docker run --rm -p 8080:8080 -e ALTEGIO_PARTNER_TOKEN=… -e ALLOWED_ORIGINS=https://shop.example booking-widget
ARG NODE_IMAGE=node:20-slim

# 1. The widget (dist/) and the server (dist-server/), built with the dev dependencies.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:widget && npm run build:server

# 2. The production dependencies alone (hono, @hono/node-server, ioredis, …).
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# 3. What runs: Node, those dependencies and the two build outputs, owned by root and run as the
# unprivileged `node` user, so the process cannot change its own code.
FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080
WORKDIR /app
COPY package.json ./
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/dist-server ./dist-server
USER node
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# serve.js drains on SIGTERM and exits; node is PID 1 here (exec form, no shell in between).
STOPSIGNAL SIGTERM
CMD ["node", "dist-server/serve.js"]
