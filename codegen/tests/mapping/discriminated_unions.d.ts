/** Webhook events: two share `action: 'created'`, so both are tried for it. */
export type IssueEvent = IssueCreated | IssueDeleted | CommentCreated;
export interface IssueCreated {
    action: 'created';
    issue: Issue;
}
export interface IssueDeleted {
    action: 'deleted';
    issue: Issue;
}
export interface CommentCreated {
    action: 'created';
    comment: { body: string };
}
export interface Issue {
    id: number;
    title: string;
}

/** Members that are aliases of object types. */
export type Shape = Circle | Square;
export type Circle = { kind: 'circle'; radius: number };
export type Square = { kind: 'square'; side: number };

/** Inline object members: variants named after their tags. */
export type Block = { type: 'text'; text: string } | { type: 'image'; url: string };

/** Intersections with a shared base. */
export interface Base {
    id: string;
}
export type Item = (Base & { type: 'file'; size: number }) | (Base & { type: 'folder'; children: number });

/** A nested union: `Shape` dispatches again, `Line` is its own variant. */
export type Drawing = Shape | Line;
export interface Line {
    kind: 'line';
    length: number;
}

/** Numeric tags from enum members, and a member of several values. */
export enum ChannelType {
    Text = 0,
    Voice = 2,
    Category = 4,
    News = 5,
    PublicThread = 10,
    PrivateThread = 11,
    AnnouncementThread = 12,
}
export interface Chat {
    type: ChannelType.Text | ChannelType.News;
    topic: string;
}
export interface Voice {
    type: ChannelType.Voice;
    bitrate: number;
}
export interface Category {
    type: ChannelType.Category;
}
/** Three consecutive values: a range pattern. */
export interface Thread {
    type: ChannelType.PublicThread | ChannelType.PrivateThread | ChannelType.AnnouncementThread;
    parent_id: string;
}
export type Channel = Chat | Voice | Category | Thread;

/** Numeric literals: a gateway payload by opcode. */
export type Payload = { op: 0; t: string; d: unknown } | { op: 10; d: { heartbeat_interval: number } };

/** Boolean tags. */
export type Outcome = { ok: true; value: string } | { ok: false; error: string };

/** Generic members, each instantiated with its tag. */
export interface Envelope<T extends string, D> {
    event: T;
    data: D;
}
export type Message = Envelope<'ping', { at: number }> | Envelope<'pong', { latency: number }>;

/** `Omit` keeps the tag; a field that is optional does not count. */
export interface Full {
    type: 'full';
    secret: string;
    note?: 'a';
}
export type Public = Omit<Full, 'secret'> | { type: 'empty' };

/** `locale` has more values than `kind`, but every member has all of them: `kind` tells. */
export type Locale = 'en' | 'fr' | 'de';
export interface Greeting {
    locale: Locale;
    kind: 'hello';
}
export interface Wave {
    locale: Locale;
    kind: 'hello';
    hand: string;
}
export interface Farewell {
    locale: Locale;
    kind: 'bye';
}
export type Social = Wave | Greeting | Farewell;
