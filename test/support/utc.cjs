// Dates in golden files and tests are compared in UTC, whatever the machine's zone.
process.env.TZ = 'UTC';
