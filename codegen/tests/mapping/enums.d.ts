/** Kinds of channel, numbered on the wire. */
export declare enum ChannelType {
    /** A text channel in a server. */
    GuildText = 0,
    DM = 1,
    /** Auto-incremented after `DM`. */
    GuildVoice = 2,
    GroupDM,
    GuildCategory,
    /** Folded: a negative constant. */
    Lost = -1
}
/** Bit flags, computed by shifts and ors. */
export declare const enum Permission {
    Read = 1 << 0,
    Write = 1 << 1,
    Admin = Read | Write,
    Owner = 1 << 3
}
/** Locales, strings on the wire. */
export declare enum Locale {
    /** English, US. */
    EnglishUS = "en-US",
    German = "de",
    Empty = ""
}
export interface Channel {
    /** Discriminated by an enum member. */
    type: ChannelType.GuildText;
    kind: ChannelType;
    locale?: Locale;
    perms: Permission[];
    /** A union of members of one enum is that enum. */
    voice: ChannelType.GuildVoice | ChannelType.GroupDM;
}

/** An enum without members: no value is one of it. */
export declare enum Empty {}

export interface NoKeys {}

export interface Uninhabited {
  /** `keyof {}` is `never`, as it is in TypeScript. */
  key: keyof NoKeys;
  member?: Empty;
}
