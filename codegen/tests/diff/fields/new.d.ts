export interface Session {
    id: string;
    count?: number;
    becomes_required: string;
    becomes_optional?: string;
    renamed_type: Array<string>;
    added_optional?: boolean;
    added_required: number;
}
export interface Empty {
}
