# One image for every Omni process; OMNI_SERVICE picks which one runs.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages ./packages
COPY services ./services
COPY tsconfig.base.json tsconfig.build.json ./
RUN npm ci --no-audit --no-fund && npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app /app
USER node
CMD ["sh", "-c", "exec node --enable-source-maps --import @omni/service-kit/register services/${OMNI_SERVICE}/dist/main.js"]
