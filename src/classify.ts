// upr-matrix/classify: themes, groups of persons, SDGs, UPR Info issues and action category, inferred with
// the committed models. Importing this entry loads their weights (about 2 MB): only apps that classify pay it.
export { classify, ClassifyOptions, ClassifyTask, type ClassifyResult } from "./classify/classify.js";
export { defaultModels, type Models } from "./classify/models.js";
export { loadLinearModel, type LinearModelData } from "./classify/linear.js";
export { actionCategoryByRules } from "./classify/action-rules.js";
export { sdgsFromThemes, THEME_SDGS } from "./classify/sdgs.js";
export { themeKey } from "./classify/theme-key.js";
export { personKey } from "./classify/person-rules.js";
export { ISSUE_THEMES, ISSUE_PERSONS } from "./classify/issue-map.js";
