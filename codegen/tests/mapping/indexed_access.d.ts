export interface components {
    schemas: {
        /** A user. */
        user: {
            id: number;
            login: string;
        };
        team: {
            members: components["schemas"]["user"][];
        };
    };
}
export interface operations {
    "users/get": {
        responses: {
            200: {
                content: {
                    "application/json": components["schemas"]["user"];
                };
            };
        };
    };
}
export type UserResponse = operations["users/get"]["responses"][200]["content"]["application/json"];
export type Member = components["schemas"]["team"]["members"][number];
export declare const SIZES: readonly ["small", "medium", "large"];
export type Size = (typeof SIZES)[number];
export type UserKey = keyof components["schemas"]["user"];
/** A template literal type is a string. */
export type Route = `/users/${string}`;
/** A member of any value is any: the parameter's own item, and applied to `any`. */
export type Tool<OptionsT extends {
    name: string;
}> = {
    id: string;
    __name: OptionsT['name'];
};
export interface Tools {
    tools: Tool<any>[];
}
