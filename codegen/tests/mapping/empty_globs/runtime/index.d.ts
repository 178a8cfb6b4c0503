/** Values only: the one name a glob of this folder would bring is its own file's module. */
export { RUNTIME } from "./runtime";
