export {
  CLASSIFICATIONS,
  type Classification,
  ClassificationSchema,
  classificationRank,
  compareClassification,
  isAtMost,
  isClassification,
  maxClassification,
} from './classification';
