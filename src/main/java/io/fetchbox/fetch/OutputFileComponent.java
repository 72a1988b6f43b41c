package io.fetchbox.fetch;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.component.file.FileComponent;
import org.apache.camel.component.file.FileEndpoint;
import org.apache.camel.component.file.FileOperations;
import org.apache.camel.component.file.GenericFileConfiguration;
import org.apache.camel.component.file.GenericFileEndpoint;
import org.apache.camel.component.file.GenericFileExist;
import org.apache.camel.component.file.GenericFileOperationFailedException;
import org.apache.camel.component.file.GenericFileProducer;

/**
 * Camel's file component with one change, for the output folder (README, "Security"): a body is
 * written only into the temporary file {@link OutputFolder} created for it, opened relative to the
 * output root one folder at a time without following any link ({@code openat} with
 * {@code O_NOFOLLOW}), and never created. Stock Camel opens the path it is given, links and all.
 * Everything else (endpoint options, buffer size, consumers) is Camel's.
 */
public final class OutputFileComponent extends FileComponent {
    private final OutputFolder output;

    public OutputFileComponent(OutputFolder output) {
        this.output = output;
    }

    @Override
    protected GenericFileEndpoint<File> buildFileEndpoint(
            String uri, String remaining, Map<String, Object> parameters) {
        File folder = new File(remaining);
        OutputFileEndpoint endpoint = new OutputFileEndpoint(uri, this, output);
        endpoint.setFile(folder);
        GenericFileConfiguration configuration = new GenericFileConfiguration();
        configuration.setDirectory(folder.getAbsolutePath());
        endpoint.setConfiguration(configuration);
        return endpoint;
    }

    private static final class OutputFileEndpoint extends FileEndpoint {
        private final OutputFolder output;

        OutputFileEndpoint(String uri, FileComponent component, OutputFolder output) {
            super(uri, component);
            this.output = output;
        }

        @Override
        public GenericFileProducer<File> createProducer() {
            return new GenericFileProducer<>(this, new NoFollowWrites(this, output)) {};
        }
    }

    /** Writes a stream body into an existing temporary file, found without following links. */
    private static final class NoFollowWrites extends FileOperations {
        private final FileEndpoint endpoint;
        private final OutputFolder output;

        NoFollowWrites(FileEndpoint endpoint, OutputFolder output) {
            super(endpoint);
            this.endpoint = endpoint;
            this.output = output;
        }

        @Override
        public boolean storeFile(String fileName, Exchange exchange, long size) {
            Path file = Path.of(fileName).toAbsolutePath().normalize();
            if (!file.startsWith(output.root())) {
                throw new GenericFileOperationFailedException(
                        fileName + " is not in the output folder " + output.root());
            }
            String relative = output.root().relativize(file).toString();
            boolean append = endpoint.getFileExist() == GenericFileExist.Append;
            try (InputStream in = exchange.getIn().getMandatoryBody(InputStream.class);
                    SeekableByteChannel out = open(relative, append)) {
                ByteBuffer buffer = ByteBuffer.allocate(endpoint.getBufferSize());
                // what reading throws is the network's; what writing throws is this machine's
                for (int n; (n = in.read(buffer.array())) >= 0; ) {
                    buffer.limit(n);
                    write(out, buffer, relative);
                    buffer.clear();
                }
                return true;
            } catch (FetchFailure local) {
                throw new GenericFileOperationFailedException("Cannot store file: " + fileName, local);
            } catch (InvalidPayloadException | IOException e) {
                throw new GenericFileOperationFailedException("Cannot store file: " + fileName, e);
            }
        }

        private SeekableByteChannel open(String relative, boolean append) throws FetchFailure {
            try {
                return output.openTemporary(relative, append);
            } catch (IOException e) {
                throw FetchFailure.writeFailed("cannot open " + relative, e);
            }
        }

        private static void write(SeekableByteChannel out, ByteBuffer buffer, String relative) throws FetchFailure {
            try {
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
            } catch (IOException e) {
                throw FetchFailure.writeFailed("cannot write " + relative, e);
            }
        }
    }
}
