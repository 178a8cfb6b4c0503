import { APIResource } from "../resource.js";
import * as Core from "../core.js";
export interface Session {
    id?: string;
}
export declare namespace Sessions {
    export { type Session as Session };
}
//# sourceMappingURL=module_syntax.d.ts.map
