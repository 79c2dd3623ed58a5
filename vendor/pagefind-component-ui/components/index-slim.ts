// CHANGED for the news archive: only the components the search page uses.
import "./pagefind-config";
import "./pagefind-input";
import "./pagefind-results";

export { PagefindConfig } from "./pagefind-config";
export { PagefindInput } from "./pagefind-input";
export { PagefindResults } from "./pagefind-results";
export { PagefindElement } from "./base-element";
export { getInstanceManager, configureInstance } from "./instance-manager";
