/** Streaming and non-streaming params repeat the same nested types, as SDKs do. */
export interface CreateParamsStreaming {
  stream: true;
  /** Search options. */
  web_search?: {
    /** How much context to search. */
    context_size?: 'low' | 'high';
    location?: { city?: string; country?: string };
  };
  tools?: Array<CreateParamsStreaming.Tool>;
}

export declare namespace CreateParamsStreaming {
  /** A tool the model may call. */
  interface Tool {
    name: string;
    strict?: boolean;
  }
}

export interface CreateParamsNonStreaming {
  stream?: false;
  /** Search options, as for streaming. */
  web_search?: {
    /** How much context to search. */
    context_size?: 'low' | 'high';
    location?: { city?: string; country?: string };
  };
  tools?: Array<CreateParamsNonStreaming.Tool>;
}

export declare namespace CreateParamsNonStreaming {
  /** A tool the model may call. */
  interface Tool {
    name: string;
    strict?: boolean;
  }
}

/** Top-level declarations stay distinct types, even when identical. */
export interface Left {
  x: string;
}

/** Top-level declarations stay distinct types, even when identical. */
export interface Right {
  x: string;
}
