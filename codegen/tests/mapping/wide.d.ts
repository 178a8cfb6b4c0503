/** A struct of thirty fields: its slots are nested tuples (twelve at most in each). */
export interface Wide {
    f0: number;
    f1?: string;
    f2?: string | null;
    f3: number;
    f4?: string;
    f5?: string | null;
    f6: number;
    f7?: string;
    f8?: string | null;
    f9: number;
    f10?: string;
    f11?: string | null;
    f12: number;
    f13?: string;
    f14?: string | null;
    f15: number;
    f16?: string;
    f17?: string | null;
    f18: number;
    f19?: string;
    f20?: string | null;
    f21: number;
    f22?: string;
    f23?: string | null;
    f24: number;
    f25?: string;
    f26?: string | null;
    f27: number;
    f28?: string;
    f29?: string | null;
}
