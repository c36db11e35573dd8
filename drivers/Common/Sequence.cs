namespace InterfaceFirmware.Drivers
{
    /// <summary>What one step of a register sequence does.</summary>
    public enum StepKind
    {
        /// <summary>Set the bits under Mask of Register to Value (one write, if it changes anything).</summary>
        Update = 0,

        /// <summary>Let Milliseconds pass before the next step (a settle time; the control loop keeps running).</summary>
        Wait = 1,

        /// <summary>Run the driver's own code for Action (values that depend on the configuration).</summary>
        Action = 2,
    }

    /// <summary>One step of a power sequence: data, so the order of a sequence can be read (and tested) at a glance.</summary>
    public struct SequenceStep
    {
        public StepKind Kind;
        public int Register;
        public int Mask;
        public int Value;
        public int Milliseconds;
        public int Action;

        /// <summary>Sets the whole register.</summary>
        public static SequenceStep Write(int register, int value)
        {
            return Update(register, -1, value);
        }

        /// <summary>
        /// Writes the register's cached value if the chip may hold anything else (a register the
        /// driver marked unknown is always written; one the chip is known to hold, never).
        /// </summary>
        public static SequenceStep Rewrite(int register)
        {
            return Update(register, 0, 0);
        }

        public static SequenceStep Update(int register, int mask, int value)
        {
            var step = new SequenceStep();
            step.Kind = StepKind.Update;
            step.Register = register;
            step.Mask = mask;
            step.Value = value;
            return step;
        }

        public static SequenceStep Wait(int milliseconds)
        {
            var step = new SequenceStep();
            step.Kind = StepKind.Wait;
            step.Milliseconds = milliseconds;
            return step;
        }

        public static SequenceStep Do(int action)
        {
            var step = new SequenceStep();
            step.Kind = StepKind.Action;
            step.Action = action;
            return step;
        }
    }

    /// <summary>The outcome of a driver action step.</summary>
    public enum StepResult
    {
        Done = 0,

        /// <summary>Not yet: run the step again on the next tick.</summary>
        Again = 1,

        Failed = 2,
    }

    /// <summary>What a sequence acts on: the driver, with its register cache and bus.</summary>
    public interface ISequenceTarget
    {
        /// <summary>Updates a register (cache first; a write only if that changes it). False on a bus failure.</summary>
        bool UpdateRegister(int register, int mask, int value);

        StepResult Perform(int action, long nowMs);
    }

    /// <summary>
    /// Runs a sequence over control-loop ticks: each <see cref="Tick"/> executes steps until a wait
    /// is not over yet or <see cref="WritesPerTick"/> register steps were made, so the loop is never
    /// held up longer than a few I2C transactions, and a 600 ms settle costs the loop nothing.
    /// Action steps count as one step whatever they write: the drivers' actions write at most
    /// four registers (the WM8960's PLL factors), or a bounded flush of six.
    /// </summary>
    public sealed class SequenceRunner
    {
        /// <summary>At most this many register (Update) steps per tick.</summary>
        public const int WritesPerTick = 6;

        private SequenceStep[] _steps;
        private int _index;
        private long _waitUntilMs = long.MinValue;

        /// <summary>True from <see cref="Start"/> until the last step ran or a step failed.</summary>
        public bool Running { get; private set; }

        /// <summary>True if the last sequence stopped on a failed step.</summary>
        public bool Failed { get; private set; }

        /// <summary>Index of the step that runs next (for diagnostics).</summary>
        public int Position
        {
            get { return _index; }
        }

        public void Start(SequenceStep[] steps)
        {
            _steps = steps;
            _index = 0;
            _waitUntilMs = long.MinValue;
            Running = true; // even an empty sequence finishes through Tick, so callers see it end
            Failed = false;
        }

        public void Stop()
        {
            Running = false;
        }

        /// <summary>Advances the sequence; returns true when it has just finished (successfully or not).</summary>
        public bool Tick(long nowMs, ISequenceTarget target)
        {
            if (!Running)
            {
                return false;
            }

            int writes = 0;
            while (_index < _steps.Length)
            {
                if (nowMs < _waitUntilMs)
                {
                    return false;
                }

                SequenceStep step = _steps[_index];
                switch (step.Kind)
                {
                    case StepKind.Update:
                        if (writes == WritesPerTick)
                        {
                            return false;
                        }

                        writes++;
                        if (!target.UpdateRegister(step.Register, step.Mask, step.Value))
                        {
                            return Fail();
                        }

                        break;
                    case StepKind.Wait:
                        _waitUntilMs = nowMs + step.Milliseconds;
                        _index++;
                        continue;
                    default:
                        StepResult result = target.Perform(step.Action, nowMs);
                        if (result == StepResult.Again)
                        {
                            return false;
                        }

                        if (result == StepResult.Failed)
                        {
                            return Fail();
                        }

                        break;
                }

                _index++;
            }

            if (nowMs < _waitUntilMs)
            {
                return false; // a trailing wait still runs
            }

            Running = false;
            return true;
        }

        private bool Fail()
        {
            Running = false;
            Failed = true;
            return true;
        }
    }
}
