// A runner with a wrong clock, for real: loaded with `NODE_OPTIONS=--import <this file>`, it shifts
// Date (new Date(), Date.now()) of the whole process by SHIPKIT_TEST_CLOCK_SHIFT_MS. Everything
// else (timers, performance.now(), the stores' clocks) is left alone, as on a badly kept machine.
const shift = Number(process.env.SHIPKIT_TEST_CLOCK_SHIFT_MS ?? 0);
const RealDate = globalThis.Date;

class ShiftedDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(RealDate.now() + shift);
    else super(...args);
  }

  static now() {
    return RealDate.now() + shift;
  }
}

globalThis.Date = ShiftedDate;
