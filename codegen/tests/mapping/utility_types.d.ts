export interface User {
    /** The id. */
    id: string;
    name?: string;
    email: string | null;
    role: 'admin' | 'member' | 'guest';
}
export type UserPatch = Partial<User>;
export type UserIdentity = Pick<User, 'id' | 'name'>;
export type NewUser = Omit<User, 'id'>;
export type CompleteUser = Required<User>;
export type FrozenUser = Readonly<User>;
export type Email = NonNullable<User['email']>;
export type Staff = Exclude<User['role'], 'guest'>;
export type Admins = Extract<User['role'], 'admin' | 'owner'>;
export type Quotas = Record<'daily' | 'monthly', number>;
/** An interface over an evaluated base. */
export interface Signup extends Omit<User, 'id' | 'role'> {
    password: string;
}
/** A generic alias applied to arguments is evaluated at its place. */
export type Page<T> = {
    data: T[];
    next?: string;
};
export interface Listing {
    users: Page<User>;
}
export interface Opened {
    type: 'opened';
    id: string;
}
export interface Failed {
    type: 'error';
    message: string;
}
export interface Warned {
    type?: 'error' | 'warning';
}
export type Event = Opened | Failed | Warned;
/** The members an object of literal properties describes: only `Failed` always has `type: 'error'`. */
export type ErrorEvent = Extract<Event, {
    type: 'error';
}>;
export type OtherEvent = Exclude<Event, {
    type: 'error';
}>;
