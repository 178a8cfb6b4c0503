export interface Session {
    id: string;
    gone?: string;
    count?: number;
    becomes_required?: string;
    becomes_optional: string;
    renamed_type: string;
}
export interface Empty {
}
