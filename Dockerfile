# The API image: dependencies installed in a build stage, run as an unprivileged user.
# TypeScript runs through tsx, so there is no compile step; `npm ci` also fetches Kùzu's prebuilt binary.
FROM node:20-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:20-slim
# The malloc settings `kg load` sets for itself (bin/kg.js) when the environment does not.
ENV NODE_ENV=production \
    KG_DATA_DIR=/var/lib/kg \
    PORT=4000 \
    MALLOC_ARENA_MAX=2 \
    MALLOC_MMAP_THRESHOLD_=131072
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json package-lock.json tsconfig.json ./
COPY bin ./bin
COPY src ./src
COPY loaders ./loaders
COPY schema ./schema
COPY migrations ./migrations
COPY data ./data
RUN mkdir -p /var/lib/kg && chown node:node /var/lib/kg
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=5 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "bin/kg.js", "serve"]
