namespace InterfaceFirmware.Hal
{
    /// <summary>Called by a tick or a timer with the clock's time at the moment of the call.</summary>
    public delegate void ClockHandler(long nowMs);

    /// <summary>
    /// Monotonic time since boot, the control loop's periodic tick and one-shot timers.
    /// On the device this is the system timer; in the emulator it is virtual time that only moves
    /// when the test or the runner advances it, so every run is repeatable.
    /// </summary>
    public interface IClock
    {
        /// <summary>Milliseconds since boot. Never goes backwards.</summary>
        long NowMs { get; }

        /// <summary>Calls <paramref name="handler"/> every <paramref name="periodMs"/> until <see cref="StopTicks"/>.</summary>
        void StartTicks(int periodMs, ClockHandler handler);

        /// <summary>Stops the periodic tick.</summary>
        void StopTicks();

        /// <summary>
        /// Creates a one-shot timer. Create timers at start-up: starting and cancelling one
        /// afterwards allocates nothing.
        /// </summary>
        IOneShotTimer CreateOneShot(ClockHandler handler);
    }

    /// <summary>A timer that fires once after a delay; can be restarted and cancelled.</summary>
    public interface IOneShotTimer
    {
        /// <summary>True between <see cref="Start"/> and the call (or <see cref="Cancel"/>).</summary>
        bool Pending { get; }

        /// <summary>(Re)starts the timer: the handler runs once, <paramref name="delayMs"/> from now.</summary>
        void Start(int delayMs);

        /// <summary>Cancels a pending call; harmless when none is pending.</summary>
        void Cancel();
    }
}
