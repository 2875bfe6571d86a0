// Starts GOV.UK Frontend's components (a static file, so the CSP needs no inline script).
import { initAll } from '../vendor/govuk-frontend/govuk-frontend.min.js'

initAll()
