"""Writes the Keras 3 JSON configs that jdatagen's KerasPipeline tests load.

Run from the repository root with the venv holding keras 3.15.1 and tensorflow-cpu 2.21:

    /tmp/kv/bin/python property-tests/scripts/keras3_configs.py

It writes, into api/src/test/resources/io/jdatagen/layers/configs/, exactly what Keras writes for the
issue's realistic augmentation stack (RandomFlip, RandomRotation(0.1), RandomZoom(0.1),
RandomTranslation(0.1, 0.1), RandomContrast(0.2)) in the three shapes KerasPipeline reads:

- realistic_sequential.json: model.to_json() of a keras.Sequential with an Input of 224x224x3;
- realistic_pipeline.json: keras.saving.serialize_keras_object of a keras.layers.Pipeline;
- realistic_list.json: a JSON list of keras.saving.serialize_keras_object of each layer;

and sequential_with_dense.json, a Sequential whose Flatten and Dense layers are not image layers (the
loader must refuse them by name).
"""
import json
import os

os.environ.setdefault("KERAS_BACKEND", "tensorflow")

import keras  # noqa: E402
from keras import layers  # noqa: E402

OUT = os.path.join("api", "src", "test", "resources", "io", "jdatagen", "layers", "configs")


def stack():
    return [
        layers.RandomFlip(),
        layers.RandomRotation(0.1),
        layers.RandomZoom(0.1),
        layers.RandomTranslation(0.1, 0.1),
        layers.RandomContrast(0.2),
    ]


def write(name, text):
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write(text)
        f.write("\n")


def main():
    assert keras.__version__ == "3.15.1", keras.__version__
    os.makedirs(OUT, exist_ok=True)
    sequential = keras.Sequential([keras.Input((224, 224, 3))] + stack(), name="augmentation")
    write("realistic_sequential.json", sequential.to_json())
    pipeline = layers.Pipeline(stack(), name="augmentation_pipeline")
    write("realistic_pipeline.json", json.dumps(keras.saving.serialize_keras_object(pipeline)))
    write("realistic_list.json", json.dumps([keras.saving.serialize_keras_object(layer) for layer in stack()]))
    dense = keras.Sequential([keras.Input((8, 8, 3)), layers.RandomFlip(), layers.Flatten(), layers.Dense(2)],
                             name="with_dense")
    write("sequential_with_dense.json", dense.to_json())


if __name__ == "__main__":
    main()
