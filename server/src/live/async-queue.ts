/** A push-driven async iterator that graphql-ws can consume and end with return(). */
export class AsyncQueue<T> implements AsyncGenerator<T, void, unknown> {
  private readonly values: T[] = [];
  private readonly waiting: ((result: IteratorResult<T, void>) => void)[] = [];
  private done = false;

  constructor(private readonly onEnd: () => void) {}

  push(value: T): void {
    if (this.done) return;
    const resolve = this.waiting.shift();
    if (resolve) resolve({ value, done: false });
    else this.values.push(value);
  }

  next(): Promise<IteratorResult<T, void>> {
    const value = this.values.shift();
    if (value !== undefined) return Promise.resolve({ value, done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  return(): Promise<IteratorResult<T, void>> {
    if (!this.done) {
      this.done = true;
      this.values.length = 0;
      for (const resolve of this.waiting.splice(0)) resolve({ value: undefined, done: true });
      this.onEnd();
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error: unknown): Promise<IteratorResult<T, void>> {
    void this.return();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  // Node 24's async generators are disposable (`await using`); disposing ends the queue like return().
  async [Symbol.asyncDispose](): Promise<void> {
    await this.return();
  }
}
