/**
 * The 8 living-condition domains, the three ratings and who may rate: the domain package's rules,
 * imported as plain data (the web app still talks to the server only over HTTP).
 */
export {
  type LivingConditionDomain,
  LivingConditionDomains,
  mayRate,
  type Rating,
  Ratings,
} from '@bedring/domain/record/living-conditions';
